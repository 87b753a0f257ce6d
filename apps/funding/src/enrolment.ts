/** The stages the server counts, in its order: 幼儿园, 小学, 初中, 高中, 中职, 特教. */
export type Stage = 'K' | 'P' | 'J' | 'S' | 'V' | 'X';

export interface UnitEnrolment {
  byStage: Record<Stage, number>;
  total: number;
  publicStudents: number;
}

/** The city's figures: each stage, the total and public-school students summed over all units. */
export function enrolmentTotals(units: readonly UnitEnrolment[], stages: readonly Stage[]): UnitEnrolment {
  const byStage = Object.fromEntries(stages.map((s) => [s, units.reduce((a, u) => a + u.byStage[s], 0)])) as Record<Stage, number>;
  return {
    byStage,
    total: units.reduce((a, u) => a + u.total, 0),
    publicStudents: units.reduce((a, u) => a + u.publicStudents, 0),
  };
}

/** public / total, or null when there are no students (no data is not 0%). */
export function publicShare(t: { total: number; publicStudents: number }): number | null {
  return t.total > 0 ? t.publicStudents / t.total : null;
}

/**
 * The footer row of the table, one string per column: the label, each stage, the total, public students.
 * With no units there is no data: every figure is '—'.
 */
export function summaryCells(
  units: readonly UnitEnrolment[],
  stages: readonly Stage[],
  label: string,
  format: (n: number | null) => string,
): string[] {
  const t = units.length ? enrolmentTotals(units, stages) : null;
  return [label, ...stages.map((s) => format(t ? t.byStage[s] : null)), format(t ? t.total : null), format(t ? t.publicStudents : null)];
}
