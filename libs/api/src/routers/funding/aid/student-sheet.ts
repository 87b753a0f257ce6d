// The 学籍 extract as 全国中小学生学籍信息管理系统 exports it (or the template): the columns by their headers, each row's
// school by its 学校标识码 among the caller's schools, the stage from the 年级 at that school, and every check that needs
// no database. Runs in the parsing worker (see imports/worker.ts), so it imports no database code.
import { normalizeIdCard, type SchoolLevel } from '@hyedu/domain';
import {
  AID_STUDENT_FIELD_LABELS,
  AID_STUDENT_HEADERS,
  aidGradeOf,
  AidStudentField,
  AidStudentRow,
  gradeHint,
} from '@hyedu/domain/funding';
import { validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import { firstPerKey, readMappedSheet } from '../../../imports/mapped-sheet.ts';
import { YES_NO } from '../../../imports/school-sheet.ts';
import type { ParseReport } from '../../../imports/types.ts';

/** The template's sheet (an export made elsewhere may call its sheet anything: the first sheet with the headers is read). */
export const AID_STUDENT_SHEET = '学籍';

/** A school the caller may import 学籍 records for: [code, id, unit code, level]. */
export type AidSchoolRef = readonly [code: string, id: number, unitCode: string, level: SchoolLevel];

const EXAMPLE: Record<AidStudentField, string> = {
  name: '张小明',
  idNumber: '430422201205011234',
  studentNo: 'G430422201205011234',
  schoolCode: '2143000001',
  grade: '四年级',
  boarding: '否',
};
const NOTES: Record<AidStudentField, string> = {
  name: '学生姓名',
  idNumber: '18位居民身份证号（末位X可大写或小写），按身份证号与名单比对',
  studentNo: '全国学籍号（字母和数字）',
  schoolCode: '10位学校标识码，学校须在您的数据范围内',
  grade: '如 一年级、七年级、初二、高一、大班；学段按年级和学校类型确定',
  boarding: '是 或 否（寄宿生的生活补助标准不同）',
};

/** The sheet's columns: each field's first header is the template's, the others the national export's. */
export const aidStudentColumns = (): Column[] =>
  AidStudentField.options.map((f) => ({
    key: f,
    header: AID_STUDENT_HEADERS[f][0]!,
    aliases: AID_STUDENT_HEADERS[f].slice(1),
    required: true,
    width: f === 'idNumber' || f === 'studentNo' ? 22 : 14,
    ...(f === 'boarding' ? { options: YES_NO } : {}),
    example: EXAMPLE[f],
    note: `${AID_STUDENT_FIELD_LABELS[f].zh}：${NOTES[f]}`,
  }));

export interface AidStudentSheetRow {
  rowNumber: number;
  value: AidStudentRow;
  unitCode: string;
}

/**
 * Reads an extract: the header row found by the headers' texts, each row's school among the caller's (by code), its
 * 年级 read at that school (aidGradeOf), AidStudentRow's checks, one row per person. Errors name the column by the
 * file's own header text.
 */
export async function readAidStudentSheet(
  buf: Buffer,
  args: { schools: readonly AidSchoolRef[] },
  report: ParseReport,
): Promise<{ rows: AidStudentSheetRow[]; errors: RowError[] }> {
  const { rows, headers, shown } = await readMappedSheet(buf, AID_STUDENT_SHEET, aidStudentColumns(), report);
  const byCode = new Map(args.schools.map((s) => [s[0], s]));
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  const unitOf = new Map<number, string>();
  for (const row of rows) {
    const v = row.values;
    const school = byCode.get(v.schoolCode!);
    if (!school) {
      errors.push({
        row: row.rowNumber,
        column: headers.schoolCode!,
        message: /^\d{10}$/.test(v.schoolCode!) ? '学校不存在或不在您的数据范围内' : '应为10位数字',
      });
      continue;
    }
    const grade = aidGradeOf(v.grade!, school[3]);
    if (!grade) {
      errors.push({ row: row.rowNumber, column: headers.grade!, message: `“${v.grade}”不是该校的年级（应为${gradeHint(school[3])}）` });
      continue;
    }
    unitOf.set(row.rowNumber, school[2]);
    const boarding = v.boarding === '是' ? true : v.boarding === '否' ? false : undefined;
    mapped.push({
      rowNumber: row.rowNumber,
      values: {
        name: v.name,
        idNumber: normalizeIdCard(v.idNumber ?? ''),
        studentNo: v.studentNo,
        schoolId: school[1],
        ...grade,
        boarding,
      } as unknown as Record<string, string>,
    });
  }
  const { valid, errors: invalid } = validateRows(mapped, AidStudentRow, shown);
  errors.push(...invalid);
  const out = firstPerKey(valid, (r) => r.value.idNumber, headers.idNumber!, '身份证号', errors).map((r) => ({
    ...r,
    unitCode: unitOf.get(r.rowNumber)!,
  }));
  report({ checked: rows.length });
  return { rows: out, errors };
}
