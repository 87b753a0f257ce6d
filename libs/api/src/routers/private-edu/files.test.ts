import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { zipWith } from '@hyedu/excel/testing';
import { callerAs, failure } from '../../testing.ts';

const { schools, privateLevers, privateProfiles, auditLog } = tables;
const COMPULSORY = ['primary', 'junior', 'nine_year'] as ('primary' | 'junior' | 'nine_year')[];

/** Fills the downloaded template as a person would, from row 3 (row 2 is the example). */
async function filled(template: string, sheet: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  rows.forEach((values, i) => (ws.getRow(3 + i).values = values));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** An export's sheet as text rows (row 1 the title, row 2 the headers). */
async function sheetOf(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) =>
    out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

describe.each(testEngines())('private-education Excel on %s', (engine) => {
  let database: Database;
  /** The private compulsory schools of 衡南县; its private senior school (unregistered here); a public school of 衡南县; a private compulsory school of 耒阳市. */
  let free: { id: number; code: string }[] = [];
  let senior = { id: 0, code: '' };
  let publicCode = '';
  let otherCounty = '';
  const leverCount = async () => (await database.db.select({ n: count() }).from(privateLevers))[0]!.n;
  const audits = async (action: string) =>
    (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    free = await db
      .select({ id: schools.id, code: schools.code })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'private'), inArray(schools.level, COMPULSORY)))
      .orderBy(schools.code);
    senior = (
      await db
        .select({ id: schools.id, code: schools.code })
        .from(schools)
        .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'private'), eq(schools.level, 'senior')))
    )[0]!;
    // One private school not yet registered, for the import to register.
    await db.delete(privateProfiles).where(eq(privateProfiles.schoolId, senior.id));
    publicCode = (
      await db
        .select({ code: schools.code })
        .from(schools)
        .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public')))
        .limit(1)
    )[0]!.code;
    otherCounty = (
      await db
        .select({ code: schools.code })
        .from(schools)
        .where(and(eq(schools.unitCode, '430481'), eq(schools.ownership, 'private'), inArray(schools.level, COMPULSORY)))
        .limit(1)
    )[0]!.code;
  }, 120_000);
  afterAll(() => database?.close());

  it('levers: the template filled, checked without errors and imported as planned levers with one audit record', async () => {
    expect(free.length).toBe(2);
    const county = await callerAs(database, 'hengnan');
    const template = await county.privateEdu.levers.template();
    expect(template.filename).toBe('调减措施导入模板.xlsx');
    const file = await filled(template.base64, '调减措施', [
      [free[0]!.code, '', '招生计划压减', '2023-2024', 120, '秋季起压减'],
      [free[1]!.code, '', '转为公办', '2024-2025', 999, ''],
      [free[0]!.code, '', '政府购买学位', '2023-2024', 80, ''],
    ]);
    const before = await leverCount();
    const auditsBefore = await audits('privateEdu.importLevers');
    expect(await county.privateEdu.levers.import({ fileName: '调减措施.xlsx', base64: file, dryRun: true })).toEqual({
      imported: 0,
      rows: 3,
      errors: [],
      errorCount: 0,
    });
    expect(await leverCount()).toBe(before);
    expect(await county.privateEdu.levers.import({ fileName: '调减措施.xlsx', base64: file, dryRun: false })).toMatchObject({
      imported: 3,
      errorCount: 0,
    });
    expect(await leverCount()).toBe(before + 3);
    expect(await audits('privateEdu.importLevers')).toBe(auditsBefore + 1);
    const rows = await database.db
      .select({
        schoolId: privateLevers.schoolId,
        kind: privateLevers.kind,
        students: privateLevers.students,
        status: privateLevers.status,
        unitCode: privateLevers.unitCode,
        note: privateLevers.note,
      })
      .from(privateLevers)
      .where(and(inArray(privateLevers.schoolId, [free[0]!.id, free[1]!.id]), eq(privateLevers.createdBy, 'hengnan')))
      .orderBy(privateLevers.id);
    expect(rows).toEqual([
      { schoolId: free[0]!.id, kind: 'reduce_plan', students: 120, status: 'planned', unitCode: '430422', note: '秋季起压减' },
      // A whole-school lever keeps no pupil number (as the form does).
      { schoolId: free[1]!.id, kind: 'to_public', students: null, status: 'planned', unitCode: '430422', note: null },
      { schoolId: free[0]!.id, kind: 'purchase', students: 80, status: 'planned', unitCode: '430422', note: null },
    ]);
    // Each imported lever's history starts with the import.
    const [lever] = await database.db
      .select({ id: privateLevers.id })
      .from(privateLevers)
      .where(and(eq(privateLevers.schoolId, free[0]!.id), eq(privateLevers.kind, 'reduce_plan'), eq(privateLevers.createdBy, 'hengnan')));
    const history = await county.privateEdu.levers.history({ id: lever!.id });
    expect(JSON.stringify(history)).toContain('调减措施.xlsx');
  }, 120_000);

  it('levers: bad rows are each named by row and column in Chinese and nothing is written', async () => {
    const county = await callerAs(database, 'hengnan');
    const file = await filled((await county.privateEdu.levers.template()).base64, '调减措施', [
      [free[1]!.code, '', '招生计划压减', '2023-2024', 50, ''],
      [free[1]!.code, '', '天灾', '2023-2024', 50, ''],
      [free[1]!.code, '', '招生计划压减', '2023-2025', 40, ''],
      [free[1]!.code, '', '政府购买学位', '2023-2024', '', ''],
      [senior.code, '', '招生计划压减', '2023-2024', 10, ''],
      [otherCounty, '', '招生计划压减', '2023-2024', 10, ''],
      [free[1]!.code, '', '招生计划压减', '2023-2024', 60, ''],
      ['12345', '', '终止办学', '2023-2024', '', ''],
    ]);
    const before = await leverCount();
    const dry = await county.privateEdu.levers.import({ fileName: 'bad.xlsx', base64: file, dryRun: true });
    expect(dry.errors).toEqual([
      '第4行 调减方式 请选择调减方式',
      '第5行 计划体现学年 学年的后一年应比前一年大1',
      '第6行 影响在校生数 “政府购买学位”请填写影响的在校生数',
      '第7行 学校标识码 调减措施只适用于实施义务教育的民办学校',
      '第8行 学校标识码 学校不存在或不在您的数据范围内',
      '第9行 学校标识码 与第3行重复（同一学校、调减方式和学年只能有一行）',
      '第10行 学校标识码 应为10位数字',
    ]);
    const publicSchool = await filled((await county.privateEdu.levers.template()).base64, '调减措施', [
      [publicCode, '', '终止办学', '2023-2024', '', ''],
    ]);
    expect((await county.privateEdu.levers.import({ fileName: 'x.xlsx', base64: publicSchool, dryRun: true })).errors).toEqual([
      '第3行 学校标识码 调减措施只适用于实施义务教育的民办学校',
    ]);
    expect(await county.privateEdu.levers.import({ fileName: 'bad.xlsx', base64: file, dryRun: false })).toMatchObject({
      imported: 0,
      errorCount: 7,
    });
    expect(await leverCount()).toBe(before);
  }, 120_000);

  it('registry: entries are registered and updated from the template, refused per row for 营利 compulsory or public schools', async () => {
    const city = await callerAs(database, 'privedu');
    const [registered] = await database.db
      .select({ id: privateProfiles.schoolId, code: schools.code, version: privateProfiles.version })
      .from(privateProfiles)
      .innerJoin(schools, eq(schools.id, privateProfiles.schoolId))
      .where(eq(schools.id, free[0]!.id));
    const unregistered = senior;
    expect(registered && unregistered).toBeTruthy();
    const template = (await city.privateEdu.profiles.template()).base64;
    const row = (code: string, profit = '非营利性', gcm = '不属于公参民') => [
      code,
      '',
      '教民143042270000099号',
      '52430422MJ0000018R',
      '衡阳市示例教育发展有限公司',
      profit,
      gcm,
      '联合建立党组织',
      320,
    ];
    const bad = await filled(template, '民办学校登记信息', [
      row(registered!.code, '营利性'),
      row(publicCode),
      [...row(unregistered!.code).slice(0, 3), '123', ...row(unregistered!.code).slice(4)],
      row(registered!.code, '非营利性', '与社会组织或个人合作举办'),
    ]);
    const auditsBefore = await audits('privateEdu.importProfiles');
    const dry = await city.privateEdu.profiles.import({ fileName: 'bad.xlsx', base64: bad, dryRun: false });
    expect(dry).toMatchObject({ imported: 0, errorCount: 4 });
    expect(dry.errors).toEqual([
      '第3行 营利性质 实施义务教育的民办学校不得设立为营利性学校',
      '第4行 学校标识码 只有民办学校登记民办学校信息',
      expect.stringMatching(/^第5行 统一社会信用代码 /),
      '第6行 学校标识码 与第3行重复（同一学校只能有一行）',
    ]);
    expect((await database.db.select().from(privateProfiles).where(eq(privateProfiles.schoolId, unregistered!.id))).length).toBe(0);

    // 营利 is refused for a compulsory school only: the senior school may be.
    const good = await filled(template, '民办学校登记信息', [
      row(registered!.code, '非营利性', '与社会组织或个人合作举办'),
      row(unregistered.code, '营利性'),
    ]);
    expect(await city.privateEdu.profiles.import({ fileName: '登记.xlsx', base64: good, dryRun: true })).toEqual({
      imported: 0,
      rows: 2,
      errors: [],
      errorCount: 0,
    });
    expect(await city.privateEdu.profiles.import({ fileName: '登记.xlsx', base64: good, dryRun: false })).toMatchObject({ imported: 2 });
    expect(await audits('privateEdu.importProfiles')).toBe(auditsBefore + 1);
    const [updated] = await database.db.select().from(privateProfiles).where(eq(privateProfiles.schoolId, registered!.id));
    expect(updated).toMatchObject({
      gcmType: 'with_private',
      partyOrg: 'joint',
      approvedIntake: 320,
      version: registered!.version + 1,
      updatedBy: 'privedu',
    });
    const [created] = await database.db.select().from(privateProfiles).where(eq(privateProfiles.schoolId, unregistered!.id));
    expect(created).toMatchObject({
      gcmType: null,
      forProfit: true,
      unitCode: '430422',
      sponsor: '衡阳市示例教育发展有限公司',
      version: 1,
    });
  }, 120_000);

  it('registry: a county cannot import a school of another county (refused on its row)', async () => {
    const county = await callerAs(database, 'hengnan');
    const file = await filled((await county.privateEdu.profiles.template()).base64, '民办学校登记信息', [
      [otherCounty, '', '教民143048170000001号', '52430422MJ0000018R', '张建国', '非营利性', '不属于公参民', '单独建立党组织', 100],
    ]);
    expect((await county.privateEdu.profiles.import({ fileName: 'x.xlsx', base64: file, dryRun: true })).errors).toEqual([
      '第3行 学校标识码 学校不存在或不在您的数据范围内',
    ]);
  });

  it('hostile files go through the shared pipeline: a renamed .exe and a zip bomb are refused before parsing', async () => {
    const county = await callerAs(database, 'hengnan');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000)]).toString('base64');
    for (const call of [county.privateEdu.levers.import, county.privateEdu.profiles.import]) {
      expect(await failure(call({ fileName: '导入.xlsx', base64: exe, dryRun: true }))).toEqual({
        code: 'BAD_REQUEST',
        message: '文件内容不是 Excel 工作簿（扩展名可能被修改过）',
      });
      const bomb = zipWith('xl/workbook.xml', Buffer.alloc(200 * 1024 * 1024)).toString('base64');
      expect((await failure(call({ fileName: 'bomb.xlsx', base64: bomb, dryRun: true })))?.message).toContain('疑似压缩炸弹');
    }
  });

  it('exports follow the list’s filters and the caller’s scope, with the scope in the title line', async () => {
    const county = await callerAs(database, 'hengnan');
    const city = await callerAs(database, 'privedu');
    const page = { page: 1, pageSize: 1 };
    const p = county.privateEdu;
    for (const f of [{}, { status: 'planned' as const }, { kind: 'reduce_plan' as const }, { q: '衡南' }])
      expect((await p.levers.export(f)).rows).toBe((await p.levers.list({ ...page, ...f })).total);
    for (const f of [{}, { gcm: true }, { missing: true }, { level: 'primary' as const }])
      expect((await p.profiles.export(f)).rows).toBe((await p.profiles.list({ ...page, ...f })).total);
    for (const f of [{}, { overdue: true }, { status: 'completed' as const }])
      expect((await p.conversions.export(f)).rows).toBe((await p.conversions.list({ ...page, ...f })).total);

    // A county's files hold its own rows only; the city's hold more.
    const levers = await sheetOf((await p.levers.export({})).base64);
    expect(levers[0]![0]).toContain('衡南县');
    expect(levers[1]).toContain('学校标识码');
    expect(new Set(levers.slice(2).map((r) => r[1]))).toEqual(new Set(['衡南县']));
    expect((await city.privateEdu.levers.export({})).rows).toBeGreaterThan((await p.levers.export({})).rows);
    const registry = await sheetOf((await p.profiles.export({})).base64);
    expect(new Set(registry.slice(2).map((r) => r[0]))).toEqual(new Set(['衡南县']));
    const ledger = await sheetOf((await p.levers.exportLedger()).base64);
    expect(ledger.slice(2).map((r) => r[0])).toEqual(['衡南县']);
    const cityLedger = await city.privateEdu.levers.exportLedger();
    expect(cityLedger.rows).toBe((await city.privateEdu.levers.ledger()).units.length);
    expect((await sheetOf(cityLedger.base64))[1]).toEqual(expect.arrayContaining(['县市区', '2020-2021 占比', '预计占比']));
  }, 120_000);

  it('the cases export holds no ID number', async () => {
    const city = await callerAs(database, 'privedu');
    const file = await city.privateEdu.conversions.export({});
    expect(file.rows).toBeGreaterThan(0);
    const text = (await sheetOf(file.base64)).flat().join('\n');
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toMatch(/身份证|证件/);
    const teachers = await database.db.select().from(tables.privateConversionTeachers).limit(50);
    for (const t of teachers) for (const v of Object.values(t)) if (typeof v === 'string' && v.length >= 15) expect(text).not.toContain(v);
  });
});
