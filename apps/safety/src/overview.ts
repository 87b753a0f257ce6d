import { SchoolLevel } from '@hyedu/domain';

export interface BoardingCounts {
  schools: number;
  boarding: number;
  boardingStudents: number;
}

/** part / whole, or null when there is nothing to divide by (no data is not 0%). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Sums the per-unit rows into the figures of the whole city (or of the one unit shown). */
export function boardingTotals(rows: readonly BoardingCounts[]): BoardingCounts & { share: number | null } {
  const t = rows.reduce(
    (a, r) => ({ schools: a.schools + r.schools, boarding: a.boarding + r.boarding, boardingStudents: a.boardingStudents + r.boardingStudents }),
    { schools: 0, boarding: 0, boardingStudents: 0 },
  );
  return { ...t, share: share(t.boarding, t.schools) };
}

/** The by-level rows in the usual order of levels, each with its boarding share. */
export function levelRows<T extends { level: SchoolLevel; schools: number; boarding: number }>(rows: readonly T[]) {
  const order = (l: SchoolLevel) => SchoolLevel.options.indexOf(l);
  return [...rows].sort((a, b) => order(a.level) - order(b.level)).map((r) => ({ ...r, share: share(r.boarding, r.schools) }));
}
