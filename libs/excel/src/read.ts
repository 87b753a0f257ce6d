import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { EXAMPLE_MARK, type Column } from './columns.ts';
import { DEFAULT_LIMITS, ExcelFileError, verifiedXlsx, type FileLimits } from './file-check.ts';

export interface SheetRow {
  /** The row's number as Excel shows it (for messages: 第57行). */
  rowNumber: number;
  values: Record<string, string>;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** 「第57行 身份证号 校验位错误」 */
export const formatRowError = (e: RowError) => `第${e.row}行${e.column ? ` ${e.column}` : ''} ${e.message}`;

/** A cell as the text a person typed: formulas count as their own text (never their result), dates as YYYY-MM-DD. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (typeof v === 'object' && 'formula' in v) return `=${String((v as { formula: string }).formula)}`;
  if (typeof v === 'object' && 'sharedFormula' in v) return `=${String((v as { sharedFormula: string }).sharedFormula)}`;
  if (typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String((v as { text: string }).text).trim();
  return String(cell.text ?? '').trim();
}

/** Rows searched for the header row (a file made elsewhere may have a title above it). */
const HEADER_ROWS = 10;
/** A header as compared: no whitespace anywhere, no asterisks marking required columns. */
const headerText = (h: string) => h.normalize('NFKC').replace(/[\s*\u200b-\u200d\ufeff]/g, '');

/**
 * Reads one sheet of an uploaded workbook by its headers. The file is checked first (checkXlsx) and ExcelJS reads only
 * the zip rebuilt from the verified entries. Missing required columns are a file error; blank rows and the template's
 * example row are skipped; at most `maxRows` rows.
 */
export async function readSheet(
  buf: Buffer,
  sheetName: string,
  columns: readonly Column[],
  opts: {
    limits?: FileLimits;
    maxRows?: number;
    /** Without a sheet of that name, read the first sheet that has the required headers (a file made elsewhere). */
    anySheet?: boolean;
    /** Told the header text the file has for each column it found. */
    onHeader?: (key: string, text: string) => void;
  } = {},
): Promise<SheetRow[]> {
  const verified = verifiedXlsx(buf, opts.limits ?? DEFAULT_LIMITS);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(verified as unknown as ArrayBuffer);
  } catch {
    throw new ExcelFileError('文件已损坏或不是有效的 Excel 文件');
  }
  // The header row: the first row whose cells include every required header (or one of its aliases).
  const namesOf = (c: Column) => [c.header, ...(c.aliases ?? [])].map(headerText);
  const findHeader = (ws: ExcelJS.Worksheet) => {
    for (let r = 1; r <= Math.min(HEADER_ROWS, ws.rowCount); r++) {
      const texts = new Map<string, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const text = headerText(cellText(cell));
        if (!texts.has(text)) texts.set(text, col);
      });
      if (!columns.filter((c) => c.required).every((c) => namesOf(c).some((n) => texts.has(n)))) continue;
      const at = new Map<string, number>();
      for (const c of columns) {
        const name = namesOf(c).find((n) => texts.has(n));
        if (name !== undefined) at.set(c.key, texts.get(name)!);
      }
      return { headerRow: r, at };
    }
    return null;
  };
  const named = wb.getWorksheet(sheetName);
  if (!named && !opts.anySheet) throw new ExcelFileError(`找不到工作表“${sheetName}”，请使用下载的模板填写`);
  let ws = named;
  let found = ws ? findHeader(ws) : null;
  if (!found && opts.anySheet)
    for (const other of wb.worksheets) {
      found = findHeader(other);
      if (found) {
        ws = other;
        break;
      }
    }
  if (!found || !ws) {
    if (opts.anySheet) {
      const missing = columns.filter((c) => c.required).map((c) => c.header);
      throw new ExcelFileError(`文件中没有包含以下各列的工作表：${missing.join('、')}（请核对导入设置中的表头）`);
    }
    const missing = columns.filter((c) => c.required).map((c) => c.header);
    throw new ExcelFileError(`工作表“${sheetName}”缺少必需的列：${missing.join('、')}（请使用下载的模板）`);
  }
  const { headerRow, at } = found;
  if (opts.onHeader) for (const [key, col] of at) opts.onHeader(key, cellText(ws.getRow(headerRow).getCell(col)));
  const maxRows = opts.maxRows ?? 20_000;
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = Object.fromEntries(columns.map((c) => [c.key, at.has(c.key) ? cellText(row.getCell(at.get(c.key)!)) : '']));
    if (Object.values(values).every((v) => v === '')) continue;
    if (Object.values(values).some((v) => v.startsWith(EXAMPLE_MARK))) continue;
    if (rows.length >= maxRows) throw new ExcelFileError(`数据超过 ${maxRows} 行，请分批导入`);
    rows.push({ rowNumber: r, values });
  }
  return rows;
}

/**
 * Validates every row with a zod schema (keys = column keys) and collects every problem with its row and column
 * header, so a dry run reports them all at once.
 */
export function validateRows<T>(
  rows: readonly SheetRow[],
  schema: z.ZodType<T>,
  columns: readonly Column[],
): { valid: { rowNumber: number; value: T }[]; errors: RowError[] } {
  const header = (key: PropertyKey | undefined) => columns.find((c) => c.key === key)?.header ?? '';
  const valid: { rowNumber: number; value: T }[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row.values);
    if (r.success) valid.push({ rowNumber: row.rowNumber, value: r.data });
    else for (const issue of r.error.issues) errors.push({ row: row.rowNumber, column: header(issue.path[0]), message: issue.message });
  }
  return { valid, errors };
}
