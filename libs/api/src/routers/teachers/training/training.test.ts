import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';
import { trainingKpis } from './kpis.ts';

const AS_OF = '2022-11-30';
const { schools, teacherTrainingRecords: tr } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);
const clear = { queriedOn: '2022-11-20', result: 'clear' as const };
const hire = (idNumber: string, name: string, schoolId: number) => ({
  idNumber,
  name,
  schoolId,
  employment: 'tenured' as const,
  post: 'teacher' as const,
  certificateNo: '20184300022001234',
  subject: '语文',
  joinedOn: '2022-11-28',
  query: clear,
});
const national = {
  tier: 'national' as const,
  name: '国培计划（2022）信息技术应用能力提升工程2.0',
  projectCode: 'GP2022-IT',
  year: 2022,
  organiser: '衡阳市教育局',
  plannedHours: 50,
  itCapability: true,
};

async function file(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员学时');
  ws.addRow(['国培平台 学员学时导出']);
  ws.addRow(['身份证号', '姓名', '项目编号', '项目名称', '获得学时', '完成情况', '完成日期']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(testEngines())('teacher training and IT 2.0 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let primary = 0;
  let leiyangSchool = 0;
  const people = { a: id('43042219900512002'), b: id('43048119880301003'), c: id('43042219920202004') };
  const staff = { a: 0, b: 0, c: 0 };
  let projectId = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const first = (where: ReturnType<typeof and>) =>
      database.db.select({ id: schools.id }).from(schools).where(where).orderBy(asc(schools.code)).limit(1);
    primary = (await first(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.level, 'primary'))))[0]!.id;
    leiyangSchool = (await first(eq(schools.unitCode, '430481')))[0]!.id;
    for (const u of ['hengnan', 'leiyang', 'teachers', 'xiaoxue', 'leader']) cookies.set(u, await signIn(database, u));
    const hengnan = await as('hengnan');
    staff.a = (await hengnan.teachers.staff.hire(hire(people.a, '王晓梅', primary))).id;
    staff.c = (await hengnan.teachers.staff.hire(hire(people.c, '李明', primary))).id;
    staff.b = (await (await as('leiyang')).teachers.staff.hire(hire(people.b, '赵强', leiyangSchool))).id;
  }, 180_000);
  afterAll(() => database?.close());

  it('the city enters 国培 projects, a county its 县培 only, and never for another county', async () => {
    const city = await as('teachers');
    const hengnan = await as('hengnan');
    projectId = (await city.teachers.training.projects.create(national)).id;
    expect(await failure(hengnan.teachers.training.projects.create(national))).toMatchObject({ code: 'FORBIDDEN' });
    const county = {
      ...national,
      tier: 'county' as const,
      name: '衡南县2022年班主任培训',
      projectCode: undefined,
      itCapability: false,
      plannedHours: 24,
    };
    expect(await failure(hengnan.teachers.training.projects.create({ ...county, unitCode: '430481' }))).toEqual({
      code: 'NOT_FOUND',
      message: '单位不存在或不在您的数据范围内',
    });
    const own = await hengnan.teachers.training.projects.create({ ...county, unitCode: '430422' });
    const seen = await (await as('leiyang')).teachers.training.projects.list({ page: 1, pageSize: 100 });
    expect(seen.rows.map((r) => r.id)).toContain(projectId);
    expect(seen.rows.map((r) => r.id)).not.toContain(own.id);
    expect(seen.tiers).toEqual(['county']);
  });

  it('a school enters its teachers’ hours; another county can neither read nor write them (NOT_FOUND)', async () => {
    const school = await as('xiaoxue');
    const leiyang = await as('leiyang');
    const rec = await school.teachers.training.records.create({
      staffId: staff.a,
      projectId,
      hours: 25,
      completed: false,
      recordedOn: '2022-06-30',
    });
    expect(
      await failure(
        leiyang.teachers.training.records.create({ staffId: staff.a, projectId, hours: 25, completed: false, recordedOn: '2022-06-30' }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      message: '记录不存在或不在您的数据范围内',
    });
    expect(
      await failure(
        leiyang.teachers.training.records.update({ id: rec.id, expectedVersion: 1, hours: 50, completed: true, recordedOn: '2022-07-01' }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      message: '培训记录不存在或不在您的数据范围内',
    });
    expect((await leiyang.teachers.training.records.list({ page: 1, pageSize: 100 })).rows.map((r) => r.id)).not.toContain(rec.id);
    expect((await (await as('hengnan')).teachers.training.records.list({ page: 1, pageSize: 100 })).rows.map((r) => r.id)).toContain(
      rec.id,
    );
    // The list says which rows the caller may correct: the school its own; the leader (who only reads) none.
    const own = await school.teachers.training.records.list({ page: 1, pageSize: 100 });
    expect(own.rows.find((r) => r.id === rec.id)).toMatchObject({ canEdit: true, version: 1 });
    const read = await (await as('leader')).teachers.training.records.list({ page: 1, pageSize: 100 });
    expect(read.canCreate).toBe(false);
    expect(read.rows.find((r) => r.id === rec.id)).toMatchObject({ canEdit: false });
    // A second record of the person for the project is refused on its field.
    expect(
      await failure(
        school.teachers.training.records.create({ staffId: staff.a, projectId, hours: 5, completed: false, recordedOn: '2022-06-30' }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: '该人员已有本项目的培训记录，请修改原记录',
    });
  });

  it('the IT 2.0 standing lists the school’s teachers with the hours they are short', async () => {
    const school = await as('xiaoxue');
    const all = await school.teachers.training.standing.list({ page: 1, pageSize: 100 });
    expect(all.rule).toEqual({ hours: 50, years: 3, from: '2019-11-30', to: AS_OF });
    expect(all.rows.find((r) => r.staffId === staff.a)).toMatchObject({ hours: 25, short: 25, met: false });
    expect(all.rows.find((r) => r.staffId === staff.c)).toMatchObject({ hours: 0, short: 50 });
    const short = await school.teachers.training.standing.list({ page: 1, pageSize: 100, short: true });
    expect(short.total).toBe(2);
    const [it] = trainingKpis.filter((k) => k.id === 'teachers.it-capability');
    expect((await it!.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')).toEqual({ num: 0, den: 2 });
  });

  it('refuses bad input on its field in Chinese, and a stale version with CONFLICT', async () => {
    const school = await as('xiaoxue');
    expect(
      await failure(
        school.teachers.training.records.create({ staffId: staff.c, projectId, hours: -1, completed: false, recordedOn: '2022-06-30' }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('学时不能小于0'),
    });
    expect(
      await failure(
        school.teachers.training.records.create({ staffId: staff.c, projectId, hours: 60, completed: true, recordedOn: '2022-06-30' }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: '学时不能超过项目计划学时（50学时）',
    });
    const [rec] = await database.db.select().from(tr).where(eq(tr.staffId, staff.a));
    const change = { id: rec!.id, hours: 50, completed: true, recordedOn: '2022-07-01' };
    await school.teachers.training.records.update({ ...change, expectedVersion: rec!.version });
    expect(await failure(school.teachers.training.records.update({ ...change, expectedVersion: rec!.version }))).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新提交',
    });
    const city = await as('teachers');
    expect(
      await failure(city.teachers.training.projects.update({ ...national, id: projectId, expectedVersion: 1, plannedHours: 40 })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: '已有培训记录为50学时，计划学时不能少于此数',
    });
  });

  it('imports the national export: a dry run lists each refused row in Chinese; then the rows land and move the standing and the KPIs', async () => {
    const hengnan = await as('hengnan');
    const bad = await file([
      [people.c, '李明', 'GP2022-IT', '', 30, '已完成', '2022/8/1'],
      [people.b, '赵强', 'GP2022-IT', '', 30, '已完成', '2022/8/1'],
      [people.c, '李明', '', '没有的项目', 30, '已完成', '2022/8/1'],
    ]);
    const dry = await hengnan.teachers.training.files.import({ fileName: '学时.xlsx', base64: bad, dryRun: true });
    expect(dry.errors).toEqual(['第4行 身份证号 该人员不在您数据范围内的学校在岗', '第5行 项目名称 未找到该名称的培训项目']);
    const good = await file([[people.c, '李明', 'GP2022-IT', '', 30, '已完成', '2022/8/1']]);
    expect(await hengnan.teachers.training.files.import({ fileName: '学时.xlsx', base64: good, dryRun: true })).toMatchObject({
      errorCount: 0,
    });
    expect(await hengnan.teachers.training.files.import({ fileName: '学时.xlsx', base64: good, dryRun: false })).toMatchObject({
      imported: 1,
    });
    const standing = await hengnan.teachers.training.standing.list({ page: 1, pageSize: 100, schoolId: primary });
    expect(standing.rows.find((r) => r.staffId === staff.c)).toMatchObject({ hours: 30, short: 20 });
    const [done] = trainingKpis.filter((k) => k.id === 'teachers.training-completion');
    expect((await done!.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')).toEqual({ num: 2, den: 2 });
  });

  it('a project no longer counted as IT 2.0 takes its hours out of the standing in the same write, and back', async () => {
    const hengnan = await as('hengnan');
    const city = await as('teachers');
    const shortNow = async () =>
      (await hengnan.teachers.training.standing.list({ page: 1, pageSize: 100, schoolId: primary, short: true })).total;
    const before = await shortNow();
    const version = async () =>
      (await database.db.select().from(tables.teacherTrainingProjects).where(eq(tables.teacherTrainingProjects.id, projectId)))[0]!.version;
    await city.teachers.training.projects.update({ ...national, id: projectId, expectedVersion: await version(), itCapability: false });
    expect(await shortNow()).toBe(before + 1);
    await city.teachers.training.projects.update({ ...national, id: projectId, expectedVersion: await version(), itCapability: true });
    expect(await shortNow()).toBe(before);
  });

  it('pages the records by key; a forged cursor is refused in Chinese', async () => {
    const hengnan = await as('hengnan');
    const first = await hengnan.teachers.training.records.list({ page: 1, pageSize: 1 });
    expect(first.total).toBe(2);
    const second = await hengnan.teachers.training.records.list({ page: 2, pageSize: 1, after: first.next! });
    expect(second.rows.map((r) => r.id)).not.toEqual(first.rows.map((r) => r.id));
    expect(second.rows[0]!.id).toBeLessThan(first.rows[0]!.id);
    expect(await failure(hengnan.teachers.training.records.list({ page: 2, pageSize: 1, after: 'bm9wZQ' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '翻页位置无效，请从第一页重新翻页',
    });
  });

  it('the counts behind the totals and the projects’ participants follow every entry, correction and import', async () => {
    const { teacherTrainingCounts: c } = tables;
    const byRecords = await database.db
      .select({
        projectId: tr.projectId,
        unitCode: tr.unitCode,
        participants: sql<number>`count(*)::int`,
        completed: sql<number>`(count(*) filter (where ${tr.completed}))::int`,
      })
      .from(tr)
      .groupBy(tr.projectId, tr.unitCode);
    const key = (x: { projectId: number; unitCode: string; participants: number; completed: number }) =>
      `${x.projectId} ${x.unitCode} ${x.participants} ${x.completed}`;
    expect((await database.db.select().from(c)).map(key).sort()).toEqual(byRecords.map(key).sort());
    const city = await as('teachers');
    const all = byRecords.reduce((s, x) => s + x.participants, 0);
    expect((await city.teachers.training.records.list({ page: 1, pageSize: 5 })).total).toBe(all);
    const project = (await city.teachers.training.projects.list({ page: 1, pageSize: 100 })).rows.find((x) => x.id === projectId)!;
    const mine = byRecords.filter((x) => x.projectId === projectId);
    expect([project.participants, project.completed]).toEqual([
      mine.reduce((s, x) => s + x.participants, 0),
      mine.reduce((s, x) => s + x.completed, 0),
    ]);
    expect(project.participants).toBeGreaterThan(0);
  });

  it('exports each list in the caller’s scope', async () => {
    const hengnan = await as('hengnan');
    expect((await hengnan.teachers.training.files.exportRecords({})).rows).toBe(2);
    expect((await hengnan.teachers.training.files.exportStanding({ short: true })).rows).toBe(1);
    expect((await (await as('leiyang')).teachers.training.files.exportRecords({})).rows).toBe(0);
    expect((await hengnan.teachers.training.files.exportProjects({})).rows).toBe(2);
  });
});
