import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkFileName,
  checkXlsx,
  ExcelFileError,
  formatRowError,
  readSheet,
  validateRows,
  writeTemplate,
  writeWorkbook,
  type Column,
} from './index.ts';
import { zipWith } from './testing.ts';

const COLUMNS: Column[] = [
  { key: 'name', header: '学校名称', required: true, example: '衡阳市第一中学' },
  { key: 'level', header: '学段', required: true, options: ['小学', '初中', '高中'], example: '高中' },
  { key: 'guards', header: '专职保安人数', example: 4 },
];
const Row = z.object({
  name: z.string().min(1, { message: '不能为空' }),
  level: z.enum(['小学', '初中', '高中'], { message: '应为 小学、初中 或 高中' }),
  guards: z.string().regex(/^\d*$/, { message: '应为整数' }),
});

describe('files are checked before parsing', () => {
  it('only .xlsx names', () => {
    expect(() => checkFileName('名单.xls')).toThrow('只能上传 .xlsx 格式的 Excel 文件');
    expect(() => checkFileName('setup.exe')).toThrow(ExcelFileError);
    expect(() => checkFileName('名单.XLSX')).not.toThrow();
  });
  it('a renamed .exe, an empty and an oversize file are refused', () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    expect(() => checkXlsx(exe)).toThrow('文件内容不是 Excel 工作簿（扩展名可能被修改过）');
    expect(() => checkXlsx(Buffer.alloc(0))).toThrow('文件为空');
    expect(() => checkXlsx(Buffer.alloc(6 * 1024 * 1024))).toThrow('文件过大（6MB），最大 5MB');
  });
  it('a zip bomb (small file, huge when unpacked) is refused from its directory, without inflating it', () => {
    const bomb = zipWith('xl/workbook.xml', Buffer.alloc(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => checkXlsx(bomb)).toThrow('疑似压缩炸弹');
  });
  it('a zip that is not a workbook is refused', () => {
    expect(() => checkXlsx(zipWith('readme.txt', Buffer.from('hello')))).toThrow('文件内容不是 Excel 工作簿');
  });
});

describe('template → import', () => {
  it('the template has the headers, an example row that import skips, and drop-downs', async () => {
    const buf = await writeTemplate([{ name: '学校', columns: COLUMNS }], ['请勿修改表头。']);
    expect(() => checkXlsx(buf)).not.toThrow();
    expect(await readSheet(buf, '学校', COLUMNS)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.getWorksheet('学校')!.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"小学,初中,高中"'] });
    expect(wb.getWorksheet('填写说明')!.getCell('A1').value).toBe('请勿修改表头。');
  });

  it('500 rows with one bad row: every problem named by row and column, so nothing needs to be imported', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      name: `学校${i + 1}`,
      level: i === 55 ? '大学' : '初中',
      guards: i === 55 ? '两人' : 3,
    }));
    const buf = await writeWorkbook([{ name: '学校', columns: COLUMNS, rows }]);
    const read = await readSheet(buf, '学校', COLUMNS);
    expect(read).toHaveLength(500);
    const { valid, errors } = validateRows(read, Row, COLUMNS);
    expect(valid).toHaveLength(499);
    expect(errors.map(formatRowError)).toEqual(['第57行 学段 应为 小学、初中 或 高中', '第57行 专职保安人数 应为整数']);
  });

  it('a missing column or sheet is a clear file error', async () => {
    const buf = await writeWorkbook([{ name: '学校', columns: COLUMNS.slice(0, 1), rows: [{ name: 'x' }] }]);
    await expect(readSheet(buf, '学校', COLUMNS)).rejects.toThrow('工作表“学校”缺少必需的列：学校名称、学段');
    await expect(readSheet(buf, '教师', COLUMNS)).rejects.toThrow('找不到工作表“教师”');
  });
});

describe('formulas are text, both ways', () => {
  it('exported text that looks like a formula is escaped', async () => {
    const buf = await writeWorkbook([
      { name: '学校', columns: COLUMNS, rows: [{ name: '=HYPERLINK("http://x","点我")', level: '+1', guards: -3 }] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const row = wb.getWorksheet('学校')!.getRow(2);
    expect(row.getCell(1).value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(row.getCell(2).value).toBe("'+1");
    expect(row.getCell(3).value).toBe(-3); // numbers stay numbers
  });
  it('an uploaded formula is read as its text, never evaluated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学校');
    ws.addRow(['学校名称', '学段', '专职保安人数']);
    ws.addRow([{ formula: 'CONCAT("衡阳","一中")', result: '衡阳一中' }, '高中', 2]);
    const read = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), '学校', COLUMNS);
    expect(read[0]?.values.name).toBe('=CONCAT("衡阳","一中")');
  });
});
