// The appraisal import's sheet (the national system's export of 年度考核 results): its columns and every check that
// needs no database. Runs in the parsing worker (see imports/worker.ts), so it imports no database code.
import { IMPORT_LIMITS } from '@hyedu/domain';
import { APPRAISAL_RESULT_LABELS, AppraisalImportRow, appraisalYearRefusal, ETHICS_RESULT_LABELS } from '@hyedu/domain/teachers';
import { readSheet, validateRows, type Column, type RowError } from '@hyedu/excel';
import type { ParseReport } from '../../../imports/types.ts';

export const APPRAISAL_SHEET = '年度考核结果';

export const APPRAISAL_COLUMNS: Column[] = [
  { key: 'idNumber', header: '身份证号', aliases: ['身份证件号码', '证件号码'], required: true, width: 20, example: '43042219900512002X' },
  { key: 'name', header: '姓名', aliases: ['教师姓名'], required: true, width: 10, example: '王晓梅' },
  { key: 'year', header: '年度', aliases: ['考核年度'], required: true, width: 8, example: '2021' },
  {
    key: 'result',
    header: '考核结果',
    aliases: ['年度考核结果'],
    required: true,
    width: 12,
    options: Object.values(APPRAISAL_RESULT_LABELS).map((l) => l.zh),
    example: '合格',
  },
  {
    key: 'ethics',
    header: '师德考核结果',
    aliases: ['师德考核'],
    required: true,
    width: 12,
    options: Object.values(ETHICS_RESULT_LABELS).map((l) => l.zh),
    example: '合格',
  },
];

export interface AppraisalSheetRow {
  rowNumber: number;
  value: AppraisalImportRow;
}

/** Reads the file: every row checked (ID number, year not after this one, the results' words), one row per person and year. */
export async function readAppraisalSheet(
  buf: Buffer,
  args: { today: string },
  report: ParseReport,
): Promise<{ rows: AppraisalSheetRow[]; errors: RowError[] }> {
  const rows = await readSheet(buf, APPRAISAL_SHEET, APPRAISAL_COLUMNS, { maxRows: IMPORT_LIMITS.maxRows, anySheet: true });
  report({ parsed: rows.length });
  const { valid, errors } = validateRows(rows, AppraisalImportRow, APPRAISAL_COLUMNS);
  const seen = new Map<string, number>();
  const out: AppraisalSheetRow[] = [];
  for (const v of valid) {
    const refusal = appraisalYearRefusal(v.value.year, args.today);
    if (refusal) {
      errors.push({ row: v.rowNumber, column: '年度', message: refusal });
      continue;
    }
    const key = `${v.value.idNumber}:${v.value.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: v.rowNumber, column: '身份证号', message: `与第${first}行是同一人同一年度（每人每年只能有一行）` });
      continue;
    }
    seen.set(key, v.rowNumber);
    out.push(v);
  }
  report({ checked: rows.length });
  return { rows: out, errors };
}
