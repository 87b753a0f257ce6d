import { describe, expect, it } from 'vitest';
import { boardingTotals, levelRows, share } from './overview.ts';

describe('safety overview helpers', () => {
  it('sums units into city totals', () => {
    const t = boardingTotals([
      { schools: 10, boarding: 2, boardingStudents: 800 },
      { schools: 30, boarding: 8, boardingStudents: 2200 },
    ]);
    expect(t).toEqual({ schools: 40, boarding: 10, boardingStudents: 3000, share: 0.25 });
  });

  it('no schools is no share, not 0%', () => {
    expect(share(0, 0)).toBeNull();
    expect(boardingTotals([]).share).toBeNull();
  });

  it('orders levels as the domain lists them', () => {
    const rows = levelRows([
      { level: 'junior', schools: 4, boarding: 1 },
      { level: 'kindergarten', schools: 10, boarding: 0 },
      { level: 'primary', schools: 0, boarding: 0 },
    ]);
    expect(rows.map((r) => r.level)).toEqual(['kindergarten', 'primary', 'junior']);
    expect(rows.map((r) => r.share)).toEqual([0, null, 0.25]);
  });
});
