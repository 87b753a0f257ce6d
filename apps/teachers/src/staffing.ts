import { pupilTeacherRatio, quotaFillRate } from '@hyedu/domain';

export interface StaffCounts {
  schools?: number;
  quota: number;
  teachers: number;
  contractTeachers: number;
  students: number;
}

/** Sums the per-unit rows into the city's figures, with the city's 生师比 and 编制使用率 computed from the sums. */
export function staffingTotals(rows: readonly StaffCounts[]) {
  const sum = (pick: (r: StaffCounts) => number) => rows.reduce((a, r) => a + pick(r), 0);
  const quota = sum((r) => r.quota);
  const teachers = sum((r) => r.teachers);
  const contractTeachers = sum((r) => r.contractTeachers);
  const students = sum((r) => r.students);
  return {
    schools: sum((r) => r.schools ?? 0),
    quota,
    teachers,
    contractTeachers,
    students,
    ratio: pupilTeacherRatio(students, teachers + contractTeachers),
    fillRate: quotaFillRate(teachers, quota),
  };
}

export const FILL_LOW = 0.9;
export const FILL_HIGH = 1;

/** 编制使用率 worth a look: below 90% (posts left empty) or above 100% (over quota). */
export function fillFlag(rate: number | null): 'low' | 'over' | null {
  if (rate === null) return null;
  if (rate < FILL_LOW) return 'low';
  if (rate > FILL_HIGH) return 'over';
  return null;
}
