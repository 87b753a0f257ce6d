import { describe, expect, it } from 'vitest';
import { censusYears, firstCensusAfter, SchoolYear } from './census.ts';

describe('the 学年初 census', () => {
  it('shows a change made by 31 August in that autumn’s census, a later one in the next', () => {
    expect(firstCensusAfter('2022-06-30')).toBe('2022-2023');
    expect(firstCensusAfter('2022-08-31')).toBe('2022-2023');
    expect(firstCensusAfter('2022-09-01')).toBe('2023-2024');
    expect(censusYears('2020-2021', '2022-2023')).toEqual(['2020-2021', '2021-2022', '2022-2023']);
  });

  it('refuses a school year that is not two consecutive years, in Chinese', () => {
    expect(SchoolYear.safeParse('2021-2022').success).toBe(true);
    expect(SchoolYear.safeParse('2021-2023').error?.issues[0]?.message).toBe('学年的后一年应比前一年大1');
    expect(SchoolYear.safeParse('2021').error?.issues[0]?.message).toBe('学年应为“2021-2022”格式');
  });
});
