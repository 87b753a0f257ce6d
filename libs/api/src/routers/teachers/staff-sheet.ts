// The 全国教师管理信息系统 import's sheet: the columns come from the mapping in force (per field the header texts of the
// national export), how a row's cells become the domain's input and every check that needs no database. Runs in the
// parsing worker (see imports/worker.ts), so it imports no database code.
import { IMPORT_LIMITS } from '@hyedu/domain';
import {
  IMPORT_OPTIONS,
  importRowInput,
  importRowRefusals,
  STAFF_IMPORT_FIELDS,
  StaffImportField,
  StaffImportRow,
} from '@hyedu/domain/teachers';
import { readSheet, validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import type { SchoolRef } from '../../imports/school-sheet.ts';
import type { ParseReport } from '../../imports/types.ts';

/** The template's sheet (a national export may call its sheet anything: the first sheet with the headers is read). */
export const STAFF_SHEET = '教职工信息';

const EXAMPLE: Partial<Record<StaffImportField, string>> = {
  name: '王晓梅',
  idNumber: '43042219900512002X',
  sex: '女',
  birthDate: '1990-05-12',
  schoolCode: '2143000001',
  employment: '合同制',
  post: '专任教师',
  title: '二级教师',
  certificateNo: '20184300022001234',
  subject: '语文',
  joinedOn: '2022-09-01',
  nationalId: '4304220000123456',
  queriedOn: '2022-08-20',
  queryResult: '无相关记录',
};

/** The sheet's columns under a mapping: the first header of each field is the template's, the others are aliases. */
export function staffColumns(mapping: Record<StaffImportField, readonly string[]>): Column[] {
  return StaffImportField.options.map((f) => {
    const info = STAFF_IMPORT_FIELDS[f];
    const options = (IMPORT_OPTIONS as Partial<Record<StaffImportField, readonly string[]>>)[f];
    return {
      key: f,
      header: mapping[f][0]!,
      aliases: mapping[f].slice(1),
      required: info.required,
      width: f === 'idNumber' || f === 'certificateNo' || f === 'nationalId' ? 20 : f === 'employment' || f === 'post' ? 14 : 12,
      ...(options ? { options } : {}),
      ...(EXAMPLE[f] === undefined ? {} : { example: EXAMPLE[f] }),
      note: `${info.label.zh}：${info.note.zh}`,
    };
  });
}

export interface StaffSheetRow {
  rowNumber: number;
  value: StaffImportRow;
  unitCode: string;
}

/**
 * Reads the national export (or the template): the header row found by the mapping's texts, every row's school in
 * the caller's list, StaffImportRow's checks, importRowRefusals, and one row per person. Errors name the column by the
 * file's own header text; `headers` gives it per field for the checks the server adds.
 */
export async function readStaffSheet(
  buf: Buffer,
  args: { schools: readonly SchoolRef[]; mapping: Record<StaffImportField, readonly string[]>; today: string },
  report: ParseReport,
): Promise<{ rows: StaffSheetRow[]; errors: RowError[]; headers: Record<string, string> }> {
  const columns = staffColumns(args.mapping);
  const headers: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  const rows = await readSheet(buf, STAFF_SHEET, columns, {
    maxRows: IMPORT_LIMITS.maxRows,
    anySheet: true,
    onHeader: (key, text) => (headers[key] = text),
  });
  report({ parsed: rows.length });
  const shown = columns.map((c) => ({ ...c, header: headers[c.key]! }));
  const byCode = new Map(args.schools.map((s) => [s[0], s]));
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  const unitOf = new Map<number, string>();
  for (const row of rows) {
    const school = byCode.get(row.values.schoolCode!);
    if (!school) {
      errors.push({
        row: row.rowNumber,
        column: headers.schoolCode!,
        message: /^\d{10}$/.test(row.values.schoolCode!) ? '学校不存在或不在您的数据范围内' : '应为10位数字',
      });
      continue;
    }
    unitOf.set(row.rowNumber, school[2]);
    mapped.push({ rowNumber: row.rowNumber, values: importRowInput(row.values, school[1]) as unknown as Record<string, string> });
  }
  const { valid, errors: invalid } = validateRows(mapped, StaffImportRow, shown);
  errors.push(...invalid);
  const seen = new Map<string, number>();
  const out: StaffSheetRow[] = [];
  for (const v of valid) {
    const first = seen.get(v.value.idNumber);
    if (first !== undefined) {
      errors.push({ row: v.rowNumber, column: headers.idNumber!, message: `与第${first}行是同一人（每人只能有一行）` });
      continue;
    }
    seen.set(v.value.idNumber, v.rowNumber);
    const refusals = importRowRefusals(v.value, args.today);
    for (const x of refusals) errors.push({ row: v.rowNumber, column: headers[x.field]!, message: x.message });
    if (!refusals.length) out.push({ ...v, unitCode: unitOf.get(v.rowNumber)! });
  }
  report({ checked: rows.length });
  return { rows: out, errors, headers };
}
