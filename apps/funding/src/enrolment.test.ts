import { describe, expect, it } from 'vitest';
import { formatInt } from '@hyedu/ui';
import { enrolmentTotals, publicShare, summaryCells, type Stage, type UnitEnrolment } from './enrolment.ts';

const STAGES: Stage[] = ['K', 'P', 'J', 'S', 'V', 'X'];
const unit = (k: number, p: number, j: number, pub: number): UnitEnrolment => ({
  byStage: { K: k, P: p, J: j, S: 0, V: 0, X: 0 },
  total: k + p + j,
  publicStudents: pub,
});

describe('funding enrolment helpers', () => {
  it('sums stages, totals and public students over units', () => {
    const t = enrolmentTotals([unit(100, 600, 300, 900), unit(50, 1000, 0, 1000)], STAGES);
    expect(t).toEqual({ byStage: { K: 150, P: 1600, J: 300, S: 0, V: 0, X: 0 }, total: 2050, publicStudents: 1900 });
    expect(publicShare(t)).toBeCloseTo(1900 / 2050);
  });

  it('the stage sums add up to the total', () => {
    const t = enrolmentTotals([unit(1, 2, 3, 6), unit(4, 5, 6, 0)], STAGES);
    expect(STAGES.reduce((a, s) => a + t.byStage[s], 0)).toBe(t.total);
  });

  it('builds the footer row, one cell per column', () => {
    expect(summaryCells([unit(1000, 2000, 0, 2500)], STAGES, '全市合计', formatInt)).toEqual([
      '全市合计',
      '1,000',
      '2,000',
      '0',
      '0',
      '0',
      '0',
      '3,000',
      '2,500',
    ]);
  });

  it('no units is no data: dashes, not zeros', () => {
    expect(summaryCells([], STAGES, '全市合计', formatInt)).toEqual(['全市合计', '—', '—', '—', '—', '—', '—', '—', '—']);
    expect(publicShare({ total: 0, publicStudents: 0 })).toBeNull();
  });
});
