// What the imports whose columns come from a department's header mapping share: reading the sheet under the file's own
// header texts, finding the county a row names among the caller's, one row per key. Runs in the parsing worker (see
// worker.ts), so it imports no database code.
import { compactText, IMPORT_LIMITS } from '@hyedu/domain';
import { readSheet, type Column, type RowError } from '@hyedu/excel';
import type { ParseReport } from './types.ts';

/** A county as the worker takes it: [code, name]; `mine` whether the caller may import its rows. */
export type CountyRef = readonly [code: string, name: string, mine: boolean];

/**
 * Reads the first sheet whose header row carries the columns (the template's sheet name first: an export made
 * elsewhere may call its sheet anything). `headers` maps each column key to the header text the file uses, `shown`
 * the columns under those texts, so errors name the column as the user sees it.
 */
export async function readMappedSheet(buf: Buffer, sheet: string, columns: Column[], report: ParseReport) {
  const headers: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  const rows = await readSheet(buf, sheet, columns, {
    maxRows: IMPORT_LIMITS.maxRows,
    anySheet: true,
    onHeader: (key, text) => (headers[key] = text),
  });
  report({ parsed: rows.length });
  return { rows, headers, shown: columns.map((c) => ({ ...c, header: headers[c.key]! })) };
}

const countyKey = (v: string) => compactText(v).replace(/^(湖南省)?衡阳市(?=.)/, '');

/**
 * The county a cell names — by name (with or without 湖南省衡阳市) or by code — among the caller's counties, or the row's
 * error: not a county of the city, or outside the caller's scope (`what`: what the rows are, as 名单 or 机构).
 */
export function countyFinder(units: readonly CountyRef[], column: string, what: string) {
  const byKey = new Map<string, CountyRef>();
  for (const u of units) byKey.set(u[0], u).set(countyKey(u[1]), u);
  return (row: number, cell: string): CountyRef | RowError => {
    const unit = byKey.get(countyKey(cell));
    if (!unit) return { row, column, message: `“${cell}”不是衡阳市的县市区` };
    if (!unit[2]) return { row, column, message: `${unit[1]}的${what}不在您的数据范围内（只能导入本县市区的名单）` };
    return unit;
  };
}
export const isRowError = (v: CountyRef | RowError): v is RowError => !Array.isArray(v);

/** The first row of each key; a later row with the same key is an error naming the first (`what`: the key's name). */
export function firstPerKey<T extends { rowNumber: number }>(
  rows: readonly T[],
  key: (r: T) => string,
  column: string,
  what: string,
  errors: RowError[],
): T[] {
  const seen = new Map<string, number>();
  const out: T[] = [];
  for (const r of rows) {
    const first = seen.get(key(r));
    if (first !== undefined) errors.push({ row: r.rowNumber, column, message: `与第${first}行的${what}相同` });
    else {
      seen.set(key(r), r.rowNumber);
      out.push(r);
    }
  }
  return out;
}
