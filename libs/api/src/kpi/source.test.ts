import { describe, expect, it } from 'vitest';
import { measureValue, sumMeasures } from './source.ts';

describe('KPI measures', () => {
  it('ratios aggregate as Σnum/Σden, not as an average of ratios', () => {
    const city = sumMeasures([
      { num: 1, den: 10 },
      { num: 30, den: 100 },
    ]);
    expect(city).toEqual({ num: 31, den: 110 });
    expect(measureValue(city)).toBeCloseTo(31 / 110);
  });
  it('counts add up; no denominator means no data, not 0%', () => {
    expect(
      measureValue(
        sumMeasures([
          { num: 2, den: null },
          { num: 3, den: null },
        ]),
      ),
    ).toBe(5);
    expect(measureValue({ num: 0, den: 0 })).toBeNull();
    expect(measureValue(sumMeasures([]))).toBeNull();
  });
  it('adds up verified ÷ due for the 4个100% beside the rate, and drops it where a unit lacks it', () => {
    expect(
      sumMeasures([
        { num: 58, den: 64, verified: 60 },
        { num: 30, den: 36, verified: 33 },
      ]),
    ).toEqual({ num: 88, den: 100, verified: 93 });
    expect(
      sumMeasures([
        { num: 58, den: 64, verified: 60 },
        { num: 30, den: 36 },
      ]),
    ).toEqual({ num: 88, den: 100 });
  });
});
