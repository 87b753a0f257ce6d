import ExcelJS from 'exceljs';
import { escapeFormula, EXAMPLE_MARK, type Column } from './columns.ts';

export type CellValue = string | number | null | undefined;

export interface SheetData {
  name: string;
  columns: readonly Column[];
  rows: readonly Record<string, CellValue>[];
  /** A title line above the header (e.g. the export's scope and time). */
  title?: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBF1F8' } };

function addSheet(wb: ExcelJS.Workbook, sheet: SheetData) {
  const ws = wb.addWorksheet(sheet.name.slice(0, 31));
  let headerRow = 1;
  if (sheet.title) {
    ws.addRow([escapeFormula(sheet.title)]);
    ws.mergeCells(1, 1, 1, Math.max(1, sheet.columns.length));
    ws.getRow(1).font = { bold: true, size: 13 };
    headerRow = 2;
  }
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  sheet.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2)));
  for (const row of sheet.rows)
    ws.addRow(sheet.columns.map((c) => (typeof row[c.key] === 'string' ? escapeFormula(row[c.key] as string) : (row[c.key] ?? null))));
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return ws;
}

/** An export: one or more sheets of text and numbers; text that looks like a formula is escaped. */
export async function writeWorkbook(sheets: readonly SheetData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hyedu';
  for (const s of sheets) addSheet(wb, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface TemplateSheet {
  name: string;
  columns: readonly Column[];
}

/**
 * An import template: Chinese headers, an example row (marked, skipped on import), drop-downs for columns with
 * options, and a 填写说明 sheet listing every column, whether it is required and its allowed values.
 */
export async function writeTemplate(sheets: readonly TemplateSheet[], instructions: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hyedu';
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of instructions) help.addRow([line]);
  help.addRow([]);
  for (const s of sheets) {
    help.addRow([`【${s.name}】`]).font = { bold: true };
    for (const c of s.columns)
      help.addRow([
        `${c.header}${c.required ? '（必填）' : ''}${c.options ? `：可选 ${c.options.join('、')}` : ''}${c.note ? `；${c.note}` : ''}`,
      ]);
  }
  for (const s of sheets) {
    const example = Object.fromEntries(s.columns.map((c, i) => [c.key, i === 0 ? `${EXAMPLE_MARK}${c.example ?? ''}` : (c.example ?? '')]));
    const ws = addSheet(wb, { name: s.name, columns: s.columns, rows: [example] });
    ws.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
    s.columns.forEach((c, i) => {
      if (!c.options?.length) return;
      const list = `"${c.options.join(',')}"`;
      // Excel limits an inline list to 255 characters; longer lists are only checked on import.
      if (list.length > 255) return;
      const letter = ws.getColumn(i + 1).letter;
      for (let r = 3; r <= 1002; r++)
        ws.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: !c.required,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: '输入有误',
          error: `请从下拉列表中选择${c.header}`,
        };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
