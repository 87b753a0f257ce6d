import { z } from 'zod';

/** School levels as the bureau manages them (幼/小/初/高/九年一贯/完中/中职/特教). */
export const SchoolLevel = z.enum(['kindergarten', 'primary', 'junior', 'senior', 'nine_year', 'complete_middle', 'vocational', 'special']);
export type SchoolLevel = z.infer<typeof SchoolLevel>;

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior: '初级中学',
  senior: '高级中学',
  nine_year: '九年一贯制学校',
  complete_middle: '完全中学',
  vocational: '中等职业学校',
  special: '特殊教育学校',
};

export const Ownership = z.enum(['public', 'private']);
export type Ownership = z.infer<typeof Ownership>;
export const OWNERSHIP_LABELS: Record<Ownership, string> = { public: '公办', private: '民办' };

/**
 * Grades, coded by stage: K 幼儿园 (3 years), P 小学 (6), J 初中 (3), S 高中 (3), V 中职 (3), X 特教 (9).
 * 义务教育 (compulsory) = P1–P6 + J1–J3, whatever kind of school teaches them.
 */
export const Grade = z.enum([
  'K1',
  'K2',
  'K3',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'J1',
  'J2',
  'J3',
  'S1',
  'S2',
  'S3',
  'V1',
  'V2',
  'V3',
  'X1',
  'X2',
  'X3',
  'X4',
  'X5',
  'X6',
  'X7',
  'X8',
  'X9',
]);
export type Grade = z.infer<typeof Grade>;

const range = (stage: string, n: number) => Array.from({ length: n }, (_, i) => Grade.parse(`${stage}${i + 1}`));

export const GRADES_BY_LEVEL: Record<SchoolLevel, readonly Grade[]> = {
  kindergarten: range('K', 3),
  primary: range('P', 6),
  junior: range('J', 3),
  senior: range('S', 3),
  nine_year: [...range('P', 6), ...range('J', 3)],
  complete_middle: [...range('J', 3), ...range('S', 3)],
  vocational: range('V', 3),
  special: range('X', 9),
};

/** 义务教育年级: 小学 and 初中 grades (special-education grades are counted separately). */
export function isCompulsoryGrade(grade: Grade): boolean {
  return grade.startsWith('P') || grade.startsWith('J');
}

export const GRADE_STAGE_LABELS = { K: '幼儿园', P: '小学', J: '初中', S: '高中', V: '中职', X: '特教' } as const;

export function gradeLabel(grade: Grade): string {
  const stage = grade[0] as keyof typeof GRADE_STAGE_LABELS;
  const n = Number(grade.slice(1));
  const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'][n] ?? String(n);
  if (stage === 'K') return ['小班', '中班', '大班'][n - 1] ?? grade;
  return `${GRADE_STAGE_LABELS[stage]}${cn}年级`;
}
