import { describe, expect, it } from 'vitest';
import { BAR_MAX, barPercent, capStatus, capTone, totalPrivateSchools } from './overview.ts';

describe('private-edu overview helpers', () => {
  it('draws the share against a 10% bar, clamped, with the 5% cap in the middle', () => {
    expect(BAR_MAX).toBe(0.1);
    expect(barPercent(0.05)).toBe(50);
    expect(barPercent(0.0584)).toBe(58.4);
    expect(barPercent(0.23)).toBe(100);
    expect(barPercent(0)).toBe(0);
  });

  it('no data is no bar and "no data", not 0% or 达标', () => {
    expect(barPercent(null)).toBeNull();
    expect(capStatus(null)).toBe('noData');
    expect(capTone(null)).toBeUndefined();
  });

  it('maps withinCap to status and tone', () => {
    expect([capStatus('within'), capStatus('over')]).toEqual(['within', 'over']);
    expect([capTone('within'), capTone('over')]).toEqual(['good', 'bad']);
  });

  it('sums private schools over units', () => {
    expect(totalPrivateSchools([{ privateSchools: 59 }, { privateSchools: 0 }, { privateSchools: 31 }])).toBe(90);
    expect(totalPrivateSchools([])).toBe(0);
  });
});
