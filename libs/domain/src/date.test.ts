import { describe, expect, it } from 'vitest';
import { isIsoDate, IsoDate, isRealDate } from './date.ts';

// docs/domain/org.md: "+ real date check"
describe('calendar dates', () => {
  it('knows leap years', () => {
    expect(isRealDate(2020, 2, 29)).toBe(true);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2011, 2, 29)).toBe(false);
    expect(isRealDate(2011, 2, 30)).toBe(false);
    expect(isRealDate(2012, 13, 1)).toBe(false);
    expect(isRealDate(2012, 4, 31)).toBe(false);
    expect(isRealDate(2012, 12, 31)).toBe(true);
  });

  it('parses YYYY-MM-DD strings', () => {
    expect(isIsoDate('2022-06-30')).toBe(true);
    expect(isIsoDate('2022-6-30')).toBe(false);
    expect(IsoDate.safeParse('2022-02-30').error?.issues[0]?.message).toBe('日期应为有效的 YYYY-MM-DD 格式');
  });
});
