import { z } from 'zod';
import { RecordId } from '../bounds.ts';
import { IdCardNumber } from '../id-card.ts';
import type { SchoolLevel } from '../school.ts';
import { compactText, requiredText } from '../text.ts';
import { AidStage } from './aid.ts';

/**
 * Importing the 学籍 extract (the listed children's records from 全国中小学生学籍信息管理系统): the columns are found by
 * their headers (per field the texts the national export and the template use; the first one is the template's),
 * each row names a pupil, their ID number, 学籍号, school (学校标识码), grade and whether they board.
 */
export const AidStudentField = z.enum(['name', 'idNumber', 'studentNo', 'schoolCode', 'grade', 'boarding'], {
  message: '没有这个导入字段',
});
export type AidStudentField = z.infer<typeof AidStudentField>;
export const AID_STUDENT_FIELD_LABELS: Record<AidStudentField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  studentNo: { zh: '学籍号', en: 'Student number' },
  schoolCode: { zh: '学校标识码', en: 'School code' },
  grade: { zh: '年级', en: 'Grade' },
  boarding: { zh: '是否住校', en: 'Boarding' },
};
/** The headers read (default only: the national export's column names do not vary by county). */
export const AID_STUDENT_HEADERS: Record<AidStudentField, readonly string[]> = {
  name: ['姓名', '学生姓名'],
  idNumber: ['身份证号', '身份证件号', '身份证件号码', '公民身份号码'],
  studentNo: ['学籍号', '全国学籍号', '学籍编号'],
  schoolCode: ['学校标识码', '学校代码', '学校识别码'],
  grade: ['年级', '所在年级', '年级名称'],
  boarding: ['是否住校', '是否寄宿', '是否住校生', '是否寄宿生'],
};

/** The stages a school of each level teaches (a 九年一贯制 or special school both 小学 and 初中). */
export const LEVEL_STAGES: Record<SchoolLevel, readonly AidStage[]> = {
  kindergarten: ['preschool'],
  primary: ['primary'],
  junior: ['junior'],
  nine_year: ['primary', 'junior'],
  complete_middle: ['junior', 'senior'],
  senior: ['senior'],
  vocational: ['vocational'],
  special: ['primary', 'junior'],
};

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const numberOf = (s: string): number | null => {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const i = CN.indexOf(s);
  return i > 0 ? i : null;
};

/**
 * The stage and grade number of a 年级 cell at a school of `level`, or null. The 年级 decides the stage (a 九年一贯制
 * school teaches both 小学 and 初中, so the school alone cannot): 小班/中班/大班 学前; 一–六年级 小学; 七–九年级 or 初一–初三
 * 初中; 高一–高三 or 十–十二年级 普通高中; at a 中职 school 一–三年级 (or 中职一年级) 中职. The stage must be one the school
 * teaches (LEVEL_STAGES).
 */
export function aidGradeOf(cell: string, level: SchoolLevel): { stage: AidStage; grade: number } | null {
  const t = compactText(cell).replace(/年级$/, '');
  const teaches = LEVEL_STAGES[level];
  const fits = (stage: AidStage, grade: number, max: number) =>
    teaches.includes(stage) && grade >= 1 && grade <= max ? { stage, grade } : null;
  const kg = ['小班', '中班', '大班'].indexOf(t);
  if (kg >= 0) return fits('preschool', kg + 1, 3);
  const m = /^(小学|初中|初|高中|高|中职)(.+)$/.exec(t);
  if (m) {
    const n = numberOf(m[2]!);
    if (n === null) return null;
    if (m[1] === '小学') return fits('primary', n, 6);
    if (m[1] === '初中' || m[1] === '初') return fits('junior', n, 3);
    if (m[1] === '中职') return fits('vocational', n, 3);
    return fits('senior', n, 3);
  }
  const n = numberOf(t);
  if (n === null) return null;
  if (teaches.includes('vocational')) return fits('vocational', n, 3);
  if (n <= 6) return fits('primary', n, 6);
  if (n <= 9) return fits('junior', n - 6, 3);
  return fits('senior', n - 9, 3);
}

/** How the 年级 cell is written at a school of `level` (for the row's error). */
export function gradeHint(level: SchoolLevel): string {
  const hints: Record<AidStage, string> = {
    preschool: '小班、中班、大班',
    primary: '一年级至六年级',
    junior: '七年级至九年级（或初一至初三）',
    senior: '高一至高三',
    vocational: '一年级至三年级',
  };
  return LEVEL_STAGES[level].map((s) => hints[s]).join('，或');
}

/** One checked row of a 学籍 extract file (the school already found by its code). */
export const AidStudentRow = z
  .object({
    name: requiredText(40, '姓名'),
    idNumber: IdCardNumber,
    studentNo: z.string({ message: '请填写学籍号' }).regex(/^[A-Za-z0-9]{1,32}$/, { message: '学籍号应为字母和数字（不超过32位）' }),
    schoolId: RecordId,
    stage: AidStage,
    grade: z.number().int().min(1).max(6),
    boarding: z.boolean({ message: '是否住校应填“是”或“否”' }),
  })
  .strict();
export type AidStudentRow = z.infer<typeof AidStudentRow>;
