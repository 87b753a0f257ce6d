import { describe, expect, it } from 'vitest';
import { personsQuery, summaryQuery } from './query.ts';

describe('the programme pages’ filters', () => {
  it('reads the year and the filters leniently from the URL', () => {
    expect(summaryQuery.parse({ year: '2021' }).year).toBe(2021);
    expect(summaryQuery.parse({ year: 'x' }).year).toBeUndefined();
    const q = personsQuery.parse({
      programme: 'special_post',
      year: '2022',
      unit: '430422',
      status: 'left',
      ending: 'yes',
      q: '王',
      page: '2',
    });
    expect(q).toMatchObject({
      programme: 'special_post',
      year: 2022,
      unitCode: '430422',
      status: 'left',
      endingThisYear: true,
      q: '王',
      page: 2,
    });
    expect(personsQuery.parse({ programme: 'nope', status: 'x' })).toMatchObject({ programme: undefined, status: undefined });
    expect(personsQuery.filterOf(q)).toEqual({
      programme: 'special_post',
      year: 2022,
      unitCode: '430422',
      status: 'left',
      endingThisYear: true,
      q: '王',
    });
  });
});
