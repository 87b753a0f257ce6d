import { describe, expect, it } from 'vitest';
import { ExcelFileError, writeWorkbook } from '@hyedu/excel';
import { HAZARD_SHEET, hazardColumns } from '../routers/safety/import-sheets.ts';
import { parseInWorker } from './parse.ts';
import { trackImport } from './progress.ts';
import { parseUpload } from './run.ts';
import type { SchoolRef } from './school-sheet.ts';

const SCHOOLS: SchoolRef[] = [['4304220001', 1, '430422']];
const ARGS = { level: 'county' as const, today: '2022-12-01', schools: SCHOOLS };
const hazards = (n: number) =>
  writeWorkbook([
    {
      name: HAZARD_SHEET,
      columns: hazardColumns('county'),
      rows: Array.from({ length: n }, (_, i) => ({
        schoolCode: '4304220001',
        foundOn: '2022-05-10',
        source: '学校自查',
        category: '消防',
        severity: '一般',
        location: `${i}号楼`,
        description: `第${i}处：疏散指示标志损坏，需要更换一批新的标志牌`,
        responsiblePerson: '王志强',
        deadline: '2022-06-01',
        measures: '更换疏散指示标志',
      })),
    },
  ]);

describe('the parsing worker', () => {
  it('parses a file in a worker thread and reports the rows read and checked', async () => {
    const events: unknown[] = [];
    const r = await parseInWorker('safety.hazards', await hazards(20), ARGS, { onProgress: (e) => events.push(e) });
    expect(r.rows).toHaveLength(20);
    expect(r.rows[0]).toMatchObject({ rowNumber: 2, unitCode: '430422', value: { schoolId: 1, category: 'fire' } });
    expect(events).toEqual([{ parsed: 20 }, { checked: 20 }]);
  });

  it('stops a workbook that needs more memory than its bound, with a Chinese message; the server goes on', async () => {
    // 32 MB of heap is enough for a small file and too little for 5,000 rows (which need about 48 MB).
    const bounds = { memoryMb: 32, seconds: 120 };
    expect((await parseInWorker('safety.hazards', await hazards(10), ARGS, { bounds })).rows).toHaveLength(10);
    const big = await hazards(5_000);
    const refused = await parseInWorker('safety.hazards', big, ARGS, { bounds }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExcelFileError);
    expect((refused as Error).message).toBe('文件解析所需内存超过上限（32MB），已停止。请检查文件内容，或拆分后分批导入');
    // Within the real bound (IMPORT_LIMITS) the same file parses.
    expect((await parseInWorker('safety.hazards', big, ARGS)).rows).toHaveLength(5_000);
  });

  it('stops a parse that takes longer than its bound, and the import answers 400 with the Chinese reason', async () => {
    const file = await hazards(2_000);
    const slow = await parseInWorker('safety.hazards', file, ARGS, { bounds: { memoryMb: 256, seconds: 0.005 } }).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(ExcelFileError);
    expect((slow as Error).message).toBe('文件解析超时（超过0.005秒），已停止。请检查文件内容，或拆分后分批导入');
    const tracker = trackImport('test', undefined);
    await expect(parseUpload(tracker, '隐患.xlsx', file, 'safety.hazards', ARGS, { memoryMb: 256, seconds: 0.005 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('文件解析超时'),
    });
  });

  it('a file the reader refuses inside the worker is the same Chinese file error', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000)]);
    await expect(parseInWorker('safety.hazards', exe, ARGS)).rejects.toThrow('文件内容不是 Excel 工作簿（扩展名可能被修改过）');
  });
});
