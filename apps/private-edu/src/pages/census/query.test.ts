import { describe, expect, it } from 'vitest';
import { censusQuery } from './query.ts';

describe('学年初统计 list query', () => {
  it('reads the school year, county, ownership and text from the URL and drops what is not one', () => {
    expect(censusQuery.parse({ year: '2021-2022', unit: '430422', ownership: 'private', q: '育才', page: '2' })).toMatchObject({
      year: '2021-2022',
      unitCode: '430422',
      ownership: 'private',
      q: '育才',
      page: 2,
    });
    expect(censusQuery.parse({ year: '2021-2023', unit: '43', ownership: 'mixed' })).toMatchObject({
      year: undefined,
      unitCode: undefined,
      ownership: undefined,
    });
  });
});
