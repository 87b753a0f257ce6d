import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import type { Grade } from '@hyedu/domain';
import { callerAs, failure } from '../../testing.ts';
import { CENSUS_COLUMNS, CENSUS_SHEET } from './census-sheet.ts';

const { schools, schoolCensus, schoolEnrolment, auditLog } = tables;
const YEAR = '2022-2023';

/** One sheet row in the template's column order. */
const line = (code: string, year: string, ownership: string, grades: Partial<Record<Grade, number | string>>, bought: number | '' = '') =>
  CENSUS_COLUMNS.map((c) =>
    c.key === 'schoolCode'
      ? code
      : c.key === 'schoolYear'
        ? year
        : c.key === 'ownership'
          ? ownership
          : c.key === 'purchasedSeats'
            ? bought
            : c.key === 'schoolName'
              ? ''
              : (grades[c.key as Grade] ?? ''),
  );

/** Fills the downloaded template as a person would, from row 3 (row 2 is the example). */
async function filled(template: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(CENSUS_SHEET)!;
  rows.forEach((values, i) => (ws.getRow(3 + i).values = values));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** An export's sheet as text rows (row 1 the title, row 2 the headers). */
async function sheetOf(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: false }, (r) =>
    out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

describe.each(testEngines())('学年初统计 import and export on %s', (engine) => {
  let database: Database;
  /** 衡南县's private nine-year and junior schools, a public junior school of 衡南县, a private primary school of 耒阳市. */
  let a = { id: 0, code: '' };
  let b = { id: 0, code: '' };
  let junior = { id: 0, code: '' };
  let otherCounty = '';
  let template = '';
  const censusOf = (id: number, year = YEAR) =>
    database.db
      .select()
      .from(schoolCensus)
      .where(and(eq(schoolCensus.schoolId, id), eq(schoolCensus.schoolYear, year)));
  const pupilsOf = async (id: number, year = YEAR) =>
    Object.fromEntries(
      (
        await database.db
          .select({ grade: schoolEnrolment.grade, n: schoolEnrolment.students })
          .from(schoolEnrolment)
          .where(and(eq(schoolEnrolment.schoolId, id), eq(schoolEnrolment.schoolYear, year)))
      ).map((r) => [r.grade, r.n]),
    );
  const rowsOfYear = async (year: string) =>
    (await database.db.select({ n: count() }).from(schoolEnrolment).where(eq(schoolEnrolment.schoolYear, year)))[0]!.n;
  const audits = async () => database.db.select().from(auditLog).where(eq(auditLog.action, 'privateEdu.importCensus')).orderBy(auditLog.id);
  const upload = (base64: string, dryRun: boolean) => ({ fileName: '学年初统计.xlsx', base64, dryRun });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    const pick = (unit: string, ownership: 'public' | 'private', level: 'primary' | 'junior' | 'nine_year') =>
      db
        .select({ id: schools.id, code: schools.code })
        .from(schools)
        .where(and(eq(schools.unitCode, unit), eq(schools.ownership, ownership), eq(schools.level, level)))
        .orderBy(schools.code)
        .limit(2);
    [a] = (await pick('430422', 'private', 'nine_year')) as [typeof a];
    [b] = (await pick('430422', 'private', 'junior')) as [typeof a];
    [junior] = (await pick('430422', 'public', 'junior')) as [typeof a];
    otherCounty = (await pick('430481', 'private', 'primary'))[0]!.code;
    template = (await (await callerAs(database, 'privedu')).privateEdu.census.template()).base64;
  }, 120_000);
  afterAll(() => database?.close());

  it('the template, filled like its example row, passes the dry run and writes nothing', async () => {
    expect(b.id).toBeGreaterThan(0);
    const example = CENSUS_COLUMNS.filter((c) => c.example !== undefined);
    expect(example.map((c) => c.key)).toEqual([
      'schoolCode',
      'schoolName',
      'schoolYear',
      'ownership',
      'purchasedSeats',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
    ]);
    const row = CENSUS_COLUMNS.map((c) => (c.key === 'schoolCode' ? a.code : (c.example ?? '')));
    const before = await pupilsOf(a.id);
    const city = await callerAs(database, 'privedu');
    expect(await city.privateEdu.census.import(upload(await filled(template, [row]), true))).toEqual({
      imported: 0,
      rows: 1,
      errors: [],
      errorCount: 0,
    });
    expect(await pupilsOf(a.id)).toEqual(before);
  });

  it('names every problem by row and column in Chinese: unknown school, another county’s school, bad figures, repeated rows', async () => {
    const county = await callerAs(database, 'hengnan');
    const file = await filled(template, [
      line('9999999999', YEAR, '民办', { P1: 10 }),
      line(otherCounty, YEAR, '民办', { P1: 10 }),
      line(a.code, YEAR, '民办', { P1: -3, P2: 12.5, P3: 'abc' }),
      line(b.code, YEAR, '民办', { J1: 10 }),
      line(b.code, YEAR, '民办', { J1: 10 }),
      line(junior.code, '2021-2022', '公办', { J1: 100 }, 5),
      line(junior.code.slice(0, 9), YEAR, '公办', { J1: 100 }),
      line(b.code, YEAR, '私立', { J1: 1 }),
    ]);
    const answer = await county.privateEdu.census.import(upload(file, true));
    expect(answer.errors).toEqual([
      '第3行 学校标识码 学校不存在或不在您的数据范围内',
      '第4行 学校标识码 学校不存在或不在您的数据范围内',
      '第5行 小学一年级 在校生数应为不小于0的整数',
      '第5行 小学二年级 在校生数应为不小于0的整数',
      '第5行 小学三年级 在校生数应为不小于0的整数',
      '第7行 学校标识码 与第6行重复（同一学校只能有一行）',
      '第8行 学年 一个文件只能导入一个学年（第6行为2022-2023）',
      '第8行 政府购买学位数 公办学校没有政府购买学位，请留空或填0',
      '第9行 学校标识码 应为10位数字',
      '第10行 办学性质 请填写“公办”或“民办”',
    ]);
    expect(answer.errorCount).toBe(10);
    // The first valid row sets the year; a grade the school does not teach is named too.
    const taught = await county.privateEdu.census.import(
      upload(await filled(template, [line(b.code, YEAR, '民办', { P1: 4, J1: 10 })]), true),
    );
    expect(taught.errors).toEqual(['第3行 小学一年级 初级中学不设小学一年级，请留空']);
  });

  it('imports all rows or none: one bad row and nothing is written', async () => {
    const county = await callerAs(database, 'hengnan');
    const before = { a: await pupilsOf(a.id), year: await rowsOfYear(YEAR), audits: (await audits()).length };
    const file = await filled(template, [line(a.code, YEAR, '民办', { P1: 1, P2: 2 }), line(b.code, YEAR, '民办', { J1: -1 })]);
    const answer = await county.privateEdu.census.import(upload(file, false));
    expect(answer).toMatchObject({ imported: 0, rows: 1, errorCount: 1 });
    expect(await pupilsOf(a.id)).toEqual(before.a);
    expect(await rowsOfYear(YEAR)).toBe(before.year);
    expect((await audits()).length).toBe(before.audits);
  });

  it('replaces the year’s figures of the schools in the file, never another year’s; a second import does not duplicate; the share follows', async () => {
    const county = await callerAs(database, 'hengnan');
    const city = await callerAs(database, 'privedu');
    const share = async () => (await city.privateEdu.overview({ year: YEAR })).city!;
    const kpi = async () => (await city.dashboard.kpi({ kpiId: 'private.compulsory-share' })).total.value;
    const before = await share();
    const old = await pupilsOf(a.id);
    const oldCompulsory = Object.values(old).reduce((x, y) => x + y, 0);
    const otherYears = { a: await pupilsOf(a.id, '2021-2022'), rows: await rowsOfYear('2021-2022') };
    const untouched = await pupilsOf(b.id);

    const first = await filled(template, [line(a.code, YEAR, '民办', { P1: 100, P2: 90, P3: 80 }, 20)]);
    expect(await county.privateEdu.census.import(upload(first, false))).toMatchObject({ imported: 1, errorCount: 0 });
    expect(await pupilsOf(a.id)).toEqual({ P1: 100, P2: 90, P3: 80 });
    expect(await censusOf(a.id)).toEqual([
      { schoolId: a.id, schoolYear: YEAR, ownership: 'private', purchasedSeats: 20, compulsoryPupils: 270 },
    ]);
    const after = await share();
    expect(after.totalStudents - before.totalStudents).toBe(270 - oldCompulsory);
    expect(await kpi()).toBeCloseTo(after.share!, 10);

    // The same school again, now public that year: still one census row, only the new grades.
    const second = await filled(template, [line(a.code, YEAR, '公办', { P1: 60 })]);
    expect(await county.privateEdu.census.import(upload(second, false))).toMatchObject({ imported: 1 });
    expect(await pupilsOf(a.id)).toEqual({ P1: 60 });
    expect(await censusOf(a.id)).toEqual([
      { schoolId: a.id, schoolYear: YEAR, ownership: 'public', purchasedSeats: 0, compulsoryPupils: 60 },
    ]);
    const again = await share();
    expect(again.totalStudents - before.totalStudents).toBe(60 - oldCompulsory);
    expect(again.privateStudents).toBeLessThan(after.privateStudents);
    expect(await kpi()).toBeCloseTo(again.share!, 10);

    expect(await pupilsOf(a.id, '2021-2022')).toEqual(otherYears.a);
    expect(await rowsOfYear('2021-2022')).toBe(otherYears.rows);
    expect(await pupilsOf(b.id)).toEqual(untouched);
    const records = await audits();
    expect(records.at(-1)).toMatchObject({
      actor: 'hengnan',
      targetType: 'school_census:import',
      after: { file: '学年初统计.xlsx', rows: 1, ids: [[a.id, a.id, 3]], schoolYear: YEAR, replaced: 1 },
    });
  });

  it('a school account may not import; a census still ahead is refused on its row', async () => {
    const school = await callerAs(database, 'minban');
    const file = await filled(template, [line(a.code, YEAR, '民办', { P1: 1 })]);
    expect(await failure(school.privateEdu.census.import(upload(file, true)))).toEqual({
      code: 'FORBIDDEN',
      message: '学年初统计由市、县市区教育局导入',
    });
    expect((await school.privateEdu.census.list({})).canImport).toBe(false);
    const city = await callerAs(database, 'privedu');
    const ahead = await filled(template, [line(a.code, '2098-2099', '民办', { P1: 1 })]);
    expect((await city.privateEdu.census.import(upload(ahead, true))).errors).toEqual([
      '第3行 学年 2098-2099学年的学年初统计（2098-09-01）尚未开始',
    ]);
  });

  it('lists one census per school with pupils per stage, filtered like its export, and a county sees only its own schools', async () => {
    const county = await callerAs(database, 'hengnan');
    const city = await callerAs(database, 'privedu');
    const list = await county.privateEdu.census.list({ year: YEAR, ownership: 'private', pageSize: 100 });
    expect(list.year).toBe(YEAR);
    expect(list.years[0]).toBe(YEAR);
    expect(list.canImport).toBe(true);
    expect(list.rows.every((r) => r.unitName === '衡南县' && r.ownership === 'private')).toBe(true);
    const row = list.rows.find((r) => r.schoolId === b.id)!;
    expect(row.total).toBe(row.kindergarten + row.primary + row.junior + row.senior + row.vocational + row.special);
    expect(row.junior).toBe(Object.values(await pupilsOf(b.id)).reduce((x, y) => x + y, 0));

    const file = await county.privateEdu.census.export({ year: YEAR, ownership: 'private' });
    expect(file.rows).toBe(list.total);
    const sheet = await sheetOf(file.base64);
    expect(sheet[1]!.slice(0, 7)).toEqual(['县市区', '学校标识码', '学校', '学校类型', '学年', '办学性质', '政府购买学位数']);
    expect(new Set(sheet.slice(2).map((r) => r[0]))).toEqual(new Set(['衡南县']));
    const all = await city.privateEdu.census.export({ year: YEAR });
    expect(new Set((await sheetOf(all.base64)).slice(2).map((r) => r[0])).size).toBeGreaterThan(1);
    // Asking for another county's unit gives a county nothing of it.
    expect((await county.privateEdu.census.list({ unitCode: '430481' })).total).toBe(0);
    expect((await city.privateEdu.census.list({ unitCode: '430481' })).total).toBeGreaterThan(0);
    const ids = list.rows.map((r) => r.schoolId);
    expect(
      (
        await database.db
          .select({ n: count() })
          .from(schoolCensus)
          .where(and(eq(schoolCensus.schoolYear, YEAR), inArray(schoolCensus.schoolId, ids)))
      )[0]!.n,
    ).toBe(ids.length);
  });
});
