import { isCompulsoryGrade, type Grade, type Ownership } from './school.ts';

export interface EnrolmentCount {
  grade: Grade;
  ownership: Ownership;
  students: number;
}

export interface PrivateShare {
  privateStudents: number;
  totalStudents: number;
  /** Share in [0, 1]; null when there are no compulsory students (no data, not 0%). */
  share: number | null;
}

/**
 * 民办义务教育在校生规模占比 = 民办义务教育在校生 / 义务教育在校生总数.
 * Only compulsory grades count (小学 + 初中, including those taught in 九年一贯制 and 完中 schools).
 */
export function privateCompulsoryShare(counts: Iterable<EnrolmentCount>): PrivateShare {
  let privateStudents = 0;
  let totalStudents = 0;
  for (const c of counts) {
    if (!isCompulsoryGrade(c.grade)) continue;
    if (!Number.isInteger(c.students) || c.students < 0) throw new RangeError(`在校生数应为非负整数：${c.students}`);
    totalStudents += c.students;
    if (c.ownership === 'private') privateStudents += c.students;
  }
  return { privateStudents, totalStudents, share: totalStudents === 0 ? null : privateStudents / totalStudents };
}

/** Whether a share meets an upper cap (e.g. ≤ 5%). No data is never "within cap". */
export function isWithinCap(share: number | null, cap: number): boolean | null {
  if (share === null) return null;
  return share <= cap;
}
