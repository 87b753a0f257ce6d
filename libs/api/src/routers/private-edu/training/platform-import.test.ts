import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure } from '../../../testing.ts';
import { PLATFORM_SHEET } from './platform-sheet.ts';

const HENGNAN = '430422';
const LEIYANG = '430481';
const HEADERS = ['序号', '机构编号', '机构名称', '统一社会信用代码', '机构类型', '所在县市区', '资金监管方式'];
const { auditLog, privateTrainingPlatform: p } = tables;

/** A workbook as the platform might export it: its own sheet name, a title line, the headers, the rows. */
async function exported(headers: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机构列表导出');
  ws.addRow(['全国校外教育培训监管与服务综合平台 机构名单']);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const upload = (base64: string, dryRun: boolean) => ({ fileName: '机构名单.xlsx', base64, dryRun });
const row = (n: number, unit = '衡南县', x: Partial<Record<'category' | 'fee' | 'uscc', string>> = {}) => [
  n,
  `T-PLAT-${n}`,
  `测试培训学校${n}`,
  x.uscc ?? '',
  x.category ?? '学科类',
  unit,
  x.fee ?? '银行托管',
];

describe.each(testEngines())('全国平台名单导入 on %s', (engine) => {
  let database: Database;
  const rowsOf = async (unit: string) =>
    (await database.db.select({ id: p.platformId }).from(p).where(eq(p.unitCode, unit))).map((r) => r.id).sort();
  const audits = async () =>
    (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'privateEdu.training.importPlatform')))[0]!.n;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 120_000);
  afterAll(() => database?.close());

  it('the template’s headers follow the mapping', async () => {
    const { base64 } = await (await callerAs(database, 'privedu')).privateEdu.training.platform.template();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const headers = (wb.getWorksheet(PLATFORM_SHEET)!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.map((h) => h.replace(/[*＊]/g, ''))).toEqual([
      '机构编号',
      '机构名称',
      '统一社会信用代码',
      '机构类型',
      '所在县市区',
      '资金监管方式',
    ]);
  });

  it('a dry run writes nothing; a bad row and another county’s row are refused on their rows in Chinese', async () => {
    const county = await callerAs(database, 'hengnan');
    const before = await rowsOf(HENGNAN);
    const ok = await county.privateEdu.training.platform.import(upload(await exported(HEADERS, [row(1), row(2)]), true));
    expect(ok).toEqual({ imported: 0, rows: 2, errors: [], errorCount: 0 });
    expect(await rowsOf(HENGNAN)).toEqual(before);
    const bad = await county.privateEdu.training.platform.import(
      upload(await exported(HEADERS, [row(1), row(2, '衡南县', { category: '体能类' }), row(3, '耒阳市'), row(1)]), false),
    );
    expect(bad.errors).toEqual([
      '第4行 机构类型 应为学科类或非学科类',
      '第5行 所在县市区 耒阳市的机构不在您的数据范围内（只能导入本县市区的名单）',
      '第6行 机构编号 与第3行的机构编号相同',
    ]);
    expect(await rowsOf(HENGNAN)).toEqual(before);
  });

  it('a county’s import replaces its own list only, with one audit record; a second import replaces the first', async () => {
    const county = await callerAs(database, 'hengnan');
    const leiyang = await rowsOf(LEIYANG);
    const audited = await audits();
    const first = await county.privateEdu.training.platform.import(
      upload(await exported(HEADERS, [row(1), row(2, '衡阳市衡南县', { fee: '', uscc: '91430422TX000001X9' })]), false),
    );
    expect(first).toMatchObject({ imported: 2, errors: [] });
    expect(await rowsOf(HENGNAN)).toEqual(['T-PLAT-1', 'T-PLAT-2']);
    const [two] = await database.db.select().from(p).where(eq(p.platformId, 'T-PLAT-2'));
    expect(two).toMatchObject({ feeSupervision: 'none', uscc: '91430422TX000001X9', category: 'academic' });
    expect(await audits()).toBe(audited + 1);
    await county.privateEdu.training.platform.import(
      upload(await exported(HEADERS, [row(3, '衡南县', { category: '文化艺术类' })]), false),
    );
    expect(await rowsOf(HENGNAN)).toEqual(['T-PLAT-3']);
    expect(await rowsOf(LEIYANG)).toEqual(leiyang);
    expect(await audits()).toBe(audited + 2);
  });

  it('the city imports any county; the mapping decides which headers are read', async () => {
    const city = await callerAs(database, 'privedu');
    const settings = await city.privateEdu.training.settings.get();
    await city.privateEdu.training.settings.save({
      baseDate: settings.baseDate,
      mapping: { platformId: ['平台机构代码'] },
      expectedVersion: settings.version,
    });
    const renamed = HEADERS.map((h) => (h === '机构编号' ? '平台机构代码' : h));
    expect((await failure(city.privateEdu.training.platform.import(upload(await exported(HEADERS, [row(4)]), true))))?.message).toContain(
      '平台机构代码',
    );
    const done = await city.privateEdu.training.platform.import(upload(await exported(renamed, [row(4), row(5, '耒阳市')]), false));
    expect(done).toMatchObject({ imported: 2, errors: [] });
    expect(await rowsOf(HENGNAN)).toEqual(['T-PLAT-4']);
    expect(await rowsOf(LEIYANG)).toEqual(['T-PLAT-5']);
    // 衡南县 cannot take over an id that 耒阳市's list holds.
    const county = await callerAs(database, 'hengnan');
    const taken = await county.privateEdu.training.platform.import(upload(await exported(renamed, [row(5)]), true));
    expect(taken.errors).toEqual(['第3行 平台机构代码 该机构编号已在其他县市区的平台名单中']);
  });
});
