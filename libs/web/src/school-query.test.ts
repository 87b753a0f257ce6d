import { describe, expect, it } from 'vitest';
import { yesNoParam } from './list-query.ts';
import { parseSchoolQuery } from './school-query.ts';

describe('parseSchoolQuery', () => {
  it('reads the filters a page offers', () => {
    expect(parseSchoolQuery({ unit: '430422', level: 'primary', boarding: 'yes', q: ' 中心 ', page: '3' })).toEqual({
      unitCode: '430422',
      level: 'primary',
      ownership: undefined,
      boarding: true,
      q: '中心',
      page: 3,
      pageSize: 20,
    });
  });
  it('treats anything malformed as no filter', () => {
    expect(parseSchoolQuery({ unit: 'abc', level: 'university', ownership: 'x', boarding: 'maybe', page: '-2' })).toMatchObject({
      unitCode: undefined,
      level: undefined,
      ownership: undefined,
      boarding: undefined,
      page: 1,
    });
    expect(parseSchoolQuery({ unit: ['430405', '430406'], page: '1.5' })).toMatchObject({ unitCode: '430405', page: 1 });
  });
  it('ignores fields the page does not offer', () => {
    expect(parseSchoolQuery({ ownership: 'private', boarding: 'no' }, ['unit', 'level', 'q'])).toMatchObject({
      ownership: undefined,
      boarding: undefined,
    });
  });
  it('round-trips the boarding filter', () => {
    expect([true, false, undefined].map(yesNoParam)).toEqual(['yes', 'no', '']);
  });
});
