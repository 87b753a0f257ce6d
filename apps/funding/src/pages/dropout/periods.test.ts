import { describe, expect, it } from 'vitest';
import { recentPeriods } from './periods.ts';

describe('the returns page’s periods', () => {
  it('the last 13 months and their quarters, newest first', () => {
    const p = recentPeriods('2022-11-30');
    expect(p.months[0]).toBe('2022-11');
    expect(p.months.at(-1)).toBe('2021-11');
    expect(p.quarters).toEqual(['2022-Q4', '2022-Q3', '2022-Q2', '2022-Q1', '2021-Q4']);
  });
});
