// Reading a sheet whose rows each name a school by its 10-digit code (the safety and private-education imports): the
// cells become the domain's input, every check that needs no database runs, and all problems come back at once by row
// and column. Runs in the parsing worker (see worker.ts), so it imports no database code.
import type { z } from 'zod';
import { IMPORT_LIMITS } from '@hyedu/domain';
import { readSheet, validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import type { ParseReport } from './types.ts';

/** A school the caller may enter records for: [code, id, unit code] (the worker gets the caller's whole list). */
export type SchoolRef = readonly [code: string, id: number, unitCode: string];

export interface SheetRows<T> {
  rows: { rowNumber: number; value: T; unitCode: string; schoolCode: string }[];
  errors: RowError[];
}

/** The answers of a 是/否 column. */
export const YES_NO = ['是', '否'];

/** Cells as the domain's schemas take them: an empty cell is undefined, anything unreadable stays text for the schema to refuse. */
export const cell = {
  int: (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v === '' ? undefined : v),
  yesNo: (v: string) => (v === '是' ? true : v === '否' ? false : v === '' ? undefined : v),
  /** The key whose Chinese label is `v`. */
  byLabel: <K extends string>(labels: Record<K, string>, v: string) =>
    (Object.entries(labels).find(([, l]) => l === v)?.[0] as K | undefined) ?? (v === '' ? undefined : v),
  opt: (v: string) => (v === '' ? undefined : v),
};

/**
 * Reads every row, maps Chinese cells to the domain's input and checks it; all problems at once, by row and column.
 * A school code outside the caller's list is an error on its row; `extra` adds the checks across rows.
 */
export async function readSchoolSheet<T extends { schoolId: number }>(
  buf: Buffer,
  sheet: string,
  columns: Column[],
  schema: z.ZodType<T>,
  toInput: (v: Record<string, string>, schoolId: number) => unknown,
  schools: readonly SchoolRef[],
  report: ParseReport,
  extra: (rows: SheetRows<T>['rows']) => RowError[],
): Promise<SheetRows<T>> {
  const rows = await readSheet(buf, sheet, columns, { maxRows: IMPORT_LIMITS.maxRows });
  report({ parsed: rows.length });
  const byCode = new Map(schools.map((s) => [s[0], s]));
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  const schoolOf = new Map<number, SchoolRef>();
  const codeHeader = columns.find((c) => c.key === 'schoolCode')?.header ?? '学校标识码';
  for (const row of rows) {
    const school = byCode.get(row.values.schoolCode!);
    if (!school) {
      errors.push({
        row: row.rowNumber,
        column: codeHeader,
        message: /^\d{10}$/.test(row.values.schoolCode!) ? '学校不存在或不在您的数据范围内' : '应为10位数字',
      });
      continue;
    }
    schoolOf.set(row.rowNumber, school);
    mapped.push({ rowNumber: row.rowNumber, values: toInput(row.values, school[1]) as Record<string, string> });
  }
  const { valid, errors: invalid } = validateRows(mapped, schema, columns);
  errors.push(...invalid);
  const out = valid.map((v) => ({ ...v, unitCode: schoolOf.get(v.rowNumber)![2], schoolCode: schoolOf.get(v.rowNumber)![0] }));
  errors.push(...extra(out));
  report({ checked: rows.length });
  return { rows: out, errors };
}
