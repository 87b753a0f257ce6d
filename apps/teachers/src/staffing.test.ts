import { describe, expect, it } from 'vitest';
import { fillFlag, staffingTotals } from './staffing.ts';

describe('staffing helpers', () => {
  it('computes the city ratio and fill rate from the sums, not as an average of unit ratios', () => {
    const t = staffingTotals([
      { schools: 2, quota: 100, teachers: 90, contractTeachers: 10, students: 1500 },
      { schools: 3, quota: 50, teachers: 45, contractTeachers: 5, students: 500 },
    ]);
    expect(t).toMatchObject({ schools: 5, quota: 150, teachers: 135, contractTeachers: 15, students: 2000 });
    expect(t.ratio).toBeCloseTo(2000 / 150);
    expect(t.fillRate).toBeCloseTo(0.9);
  });

  it('no teachers / no quota gives no ratio / rate (—), not 0', () => {
    const t = staffingTotals([]);
    expect(t.ratio).toBeNull();
    expect(t.fillRate).toBeNull();
  });

  it('flags fill rates below 90% or above 100%', () => {
    expect(fillFlag(0.88)).toBe('low');
    expect(fillFlag(0.9)).toBeNull();
    expect(fillFlag(1)).toBeNull();
    expect(fillFlag(1.02)).toBe('over');
    expect(fillFlag(null)).toBeNull();
  });
});
