import { describe, expect, it } from 'vitest';
import { asOfLabel, businessDate, DEMO_AS_OF } from './as-of.ts';
import { HENGYANG_TARGETS_2022 } from './hengyang/targets.ts';

describe('as-of date (the business “today”)', () => {
  it('the demo is dated inside the 2022 plan year (《2022年衡阳市教育局工作要点》), before its year end', () => {
    expect(DEMO_AS_OF.startsWith('2022-')).toBe(true);
    expect(DEMO_AS_OF <= HENGYANG_TARGETS_2022.yearEnd).toBe(true);
  });
  it('uses the configured date when set, else the Beijing date of now', () => {
    const now = new Date('2026-12-05T17:00:00Z');
    expect(businessDate(now, '2022-11-30')).toBe('2022-11-30');
    expect(businessDate(now)).toBe('2026-12-06');
    expect(businessDate(now, null)).toBe('2026-12-06');
  });
  it('labels it in one line', () => {
    expect(asOfLabel('2022-11-30')).toBe('数据截至 2022年11月30日');
    expect(asOfLabel('2023-02-01')).toBe('数据截至 2023年2月1日');
  });
});
