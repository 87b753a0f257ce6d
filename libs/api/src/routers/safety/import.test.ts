import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, previousTerm, termOf } from '@hyedu/domain';
import { zipWith } from '@hyedu/excel/testing';
import { deflatedZeros, entriesOf, rawZip } from '@hyedu/files/testing';
import { callerAs, failure } from '../../testing.ts';

const today = beijingDate(new Date());

/** Fills the downloaded template as a person would, from row 3 (row 2 is the example). */
async function filled(template: string, sheet: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  rows.forEach((values, i) => (ws.getRow(3 + i).values = values));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(testEngines())('safety imports on %s', (engine) => {
  let database: Database;
  let codes: string[] = [];
  const hazardCount = async () => (await database.db.select({ n: count() }).from(tables.safetyHazards))[0]!.n;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    codes = (await database.db.select({ code: tables.schools.code }).from(tables.schools).where(eq(tables.schools.unitCode, '430422'))).map(
      (s) => s.code,
    );
  }, 120_000);
  afterAll(() => database?.close());

  const hazardRow = (i: number): (string | number)[] => [
    codes[i % codes.length]!,
    '',
    today,
    '学校自查',
    '消防',
    i % 50 === 0 ? '重大' : '一般',
    `${(i % 5) + 1}号楼`,
    `第${i}处：疏散指示标志损坏`,
    '王志强',
    today,
    '更换疏散指示标志',
  ];

  it('500 hazards with one bad row import nothing and name the row and column; fixed, all 500 are imported', async () => {
    const county = await callerAs(database, 'hengnan');
    const template = (await county.safety.hazards.template()).base64;
    const rows = Array.from({ length: 500 }, (_, i) => hazardRow(i));
    rows[54]![4] = '天灾'; // row 57 of the sheet: category not in the list
    const before = await hazardCount();
    const bad = await filled(template, '隐患清单', rows);
    const dry = await county.safety.hazards.import({ fileName: '隐患清单.xlsx', base64: bad, dryRun: true });
    expect(dry).toMatchObject({ imported: 0, errorCount: 1, errors: ['第57行 隐患类别 请选择隐患类别'] });
    const commit = await county.safety.hazards.import({ fileName: '隐患清单.xlsx', base64: bad, dryRun: false });
    expect(commit).toMatchObject({ imported: 0, errorCount: 1 });
    expect(await hazardCount()).toBe(before);

    rows[54]![4] = '消防';
    const good = await filled(template, '隐患清单', rows);
    expect(await county.safety.hazards.import({ fileName: '隐患清单.xlsx', base64: good, dryRun: true })).toMatchObject({
      imported: 0,
      rows: 500,
      errorCount: 0,
    });
    expect(await county.safety.hazards.import({ fileName: '隐患清单.xlsx', base64: good, dryRun: false })).toMatchObject({
      imported: 500,
      errorCount: 0,
    });
    expect(await hazardCount()).toBe(before + 500);
    const page = await county.safety.hazards.list({ page: 1, pageSize: 5, q: '第57处' });
    expect(page.rows[0]).toMatchObject({ status: 'pending', category: 'fire', unitCode: '430422' });
  }, 120_000);

  it('a school outside the county is an error on its row, as is a source the account may not record', async () => {
    const county = await callerAs(database, 'hengnan');
    const [other] = await database.db
      .select({ code: tables.schools.code })
      .from(tables.schools)
      .where(eq(tables.schools.unitCode, '430481'))
      .limit(1);
    const file = await filled((await county.safety.hazards.template()).base64, '隐患清单', [
      hazardRow(1),
      [other!.code, ...hazardRow(2).slice(1)],
      [...hazardRow(3).slice(0, 3), '督导检查', ...hazardRow(3).slice(4)],
    ]);
    const dry = await county.safety.hazards.import({ fileName: 'x.xlsx', base64: file, dryRun: true });
    expect(dry.errors).toEqual(['第4行 学校标识码 学校不存在或不在您的数据范围内', '第5行 隐患来源 您不能登记“督导检查”发现的隐患']);
  });

  it('two rows describing the same hazard (school, found-on date, category, place, description) are refused, naming both rows', async () => {
    const county = await callerAs(database, 'hengnan');
    const base = hazardRow(7);
    const file = await filled((await county.safety.hazards.template()).base64, '隐患清单', [
      base,
      hazardRow(8),
      // The same hazard again, typed with other spacing and another severity and deadline: still the same hazard.
      [base[0]!, '', base[2]!, base[3]!, base[4]!, '重大', base[6]!, ` ${String(base[7])} `, '李明', '', ''],
      // Another place: another hazard.
      [base[0]!, '', base[2]!, base[3]!, base[4]!, '一般', '食堂', base[7]!, '王志强', '', ''],
    ]);
    const before = await hazardCount();
    const dry = await county.safety.hazards.import({ fileName: '重复.xlsx', base64: file, dryRun: true });
    expect(dry.errors).toEqual(['第5行 隐患描述 与第3行重复（同一学校、发现日期、类别、部位和描述都相同）']);
    expect(await county.safety.hazards.import({ fileName: '重复.xlsx', base64: file, dryRun: false })).toMatchObject({
      imported: 0,
      errorCount: 1,
    });
    expect(await hazardCount()).toBe(before);
  });

  it('a renamed .exe, an oversize file and a zip bomb are refused before parsing', async () => {
    const county = await callerAs(database, 'hengnan');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000)]).toString('base64');
    expect(await failure(county.safety.hazards.import({ fileName: '隐患清单.xlsx', base64: exe, dryRun: true }))).toEqual({
      code: 'BAD_REQUEST',
      message: '文件内容不是 Excel 工作簿（扩展名可能被修改过）',
    });
    expect(await failure(county.safety.hazards.import({ fileName: 'setup.exe', base64: exe, dryRun: true }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
    expect(await failure(county.safety.hazards.import({ fileName: 'big.xlsx', base64: big, dryRun: true }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const bomb = zipWith('xl/workbook.xml', Buffer.alloc(200 * 1024 * 1024)).toString('base64');
    expect((await failure(county.safety.hazards.import({ fileName: 'bomb.xlsx', base64: bomb, dryRun: true })))?.message).toContain(
      '疑似压缩炸弹',
    );
  });

  it('the real hazard template plus one entry of 48 MB of zeros declared as 1 KB is refused while inflating', async () => {
    const county = await callerAs(database, 'hengnan');
    const template = Buffer.from((await county.safety.hazards.template()).base64, 'base64');
    const lying = rawZip([
      ...entriesOf(template),
      { name: 'xl/media/image1.bin', deflated: deflatedZeros(48 * 1024 * 1024), size: 48 * 1024 * 1024, declaredSize: 1024 },
    ]);
    expect(lying.length).toBeLessThan(1024 * 1024);
    expect(
      await failure(county.safety.hazards.import({ fileName: '隐患清单.xlsx', base64: lying.toString('base64'), dryRun: true })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: '文件压缩比异常（超过 100 倍，疑似压缩炸弹），已拒绝；请用 Office 或 WPS 打开后另存为新文件再上传',
    });
  });

  it('imports the 4个100% status of many schools; a verified term cannot be overwritten by a file', async () => {
    const county = await callerAs(database, 'hengnan');
    const term = previousTerm(termOf(today));
    const row = (code: string, guards: number): (string | number)[] => [
      code,
      '',
      term,
      900,
      60,
      guards,
      '是',
      '是',
      '是',
      '是',
      '不适用',
      today,
    ];
    const template = (await county.safety.profiles.template()).base64;
    // The demo data has this term reported for most schools: start these 20 afresh.
    const ids = (
      await database.db
        .select({ id: tables.schools.id })
        .from(tables.schools)
        .where(inArray(tables.schools.code, codes.slice(0, 20)))
    ).map((s) => s.id);
    await database.db
      .delete(tables.safetyProfiles)
      .where(and(inArray(tables.safetyProfiles.schoolId, ids), eq(tables.safetyProfiles.term, term)));
    const file = await filled(
      template,
      '4个100%',
      codes.slice(0, 20).map((c) => row(c, 2)),
    );
    expect(await county.safety.profiles.import({ fileName: 'a.xlsx', base64: file, dryRun: false })).toMatchObject({
      imported: 20,
      errorCount: 0,
    });
    const listed = await county.safety.profiles.list({ term, page: 1, pageSize: 100, show: 'submitted' });
    const first = listed.rows.find((r) => r.schoolCode === codes[0])!;
    expect(first.met).toMatchObject({ guards: true, all: true, fourth: true });
    // One audit record for the file; the profile's history shows it was imported, from which row.
    expect((await county.safety.profiles.history({ id: first.profile!.id })).map((e) => [e.action, e.after])).toEqual([
      ['safety.importProfiles', expect.objectContaining({ file: 'a.xlsx', row: 3 })],
    ]);
    await county.safety.profiles.review({ id: first.profile!.id, expectedVersion: first.profile!.version, action: 'review' });
    const again = await county.safety.profiles.import({ fileName: 'a.xlsx', base64: file, dryRun: true });
    expect(again.errors).toEqual(['第3行 学期 该学期情况已核实，不能通过导入覆盖']);
    const dup = await filled(template, '4个100%', [
      row(codes[1]!, 1),
      row(codes[1]!, 3),
      [codes[2]!, '', term, 900, -1, 2, '是', '也许', '是', '是', '否', '2022-13-01'],
    ]);
    expect((await county.safety.profiles.import({ fileName: 'b.xlsx', base64: dup, dryRun: true })).errors).toEqual([
      '第4行 学校标识码 与第3行重复（同一学校同一学期只能有一行）',
      '第5行 教职工数 教职工数不能为负',
      '第5行 一键式报警与110联网 请选择一键式报警是否与110联网',
      '第5行 核查日期 日期应为有效的 YYYY-MM-DD 格式',
    ]);
  });

  it('every list exports to Excel with its filters, formula-safe', async () => {
    const county = await callerAs(database, 'hengnan');
    const file = await county.safety.hazards.export({ q: '第57处' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('数据范围：衡南县教育局');
    expect(ws.getRow(3).getCell(10).value).toBe('第57处：疏散指示标志损坏');
    expect(file.rows).toBe(1);
    for (const e of [
      county.safety.profiles.export({ term: termOf(today), show: 'all' }),
      county.safety.activities.export({}),
      county.safety.incidents.export({}),
    ])
      expect((await e).filename).toMatch(/\.xlsx$/);
  });
});
