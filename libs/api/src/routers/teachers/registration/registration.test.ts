import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { RegistrationStanding } from '@hyedu/domain/teachers';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';
import { registrationOverdue } from './kpi.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, teacherStaff: st, teacherRegistrations: rg, teacherTrainingRecords: tr } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);
const clear = { queriedOn: '2022-11-20', result: 'clear' as const };

describe.each(testEngines())('年度考核 and 教师资格定期注册 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  /** xiaoxue's school (a public primary school of 衡南县) and its teachers. */
  let schoolId = 0;
  const staff: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
  const person: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  /** The city's 市培 projects of a year (400 planned hours), entered through the API. */
  const projects = new Map<number, number>();
  /** A training record written as the national platform's import leaves it (the date is the test's, not the form's rule). */
  const trained = async (key: keyof typeof staff, year: number, hours: number, recordedOn: string) =>
    database.db.insert(tr).values({
      projectId: projects.get(year)!,
      staffId: staff[key],
      idIndex: person[key],
      schoolId,
      unitCode: '430422',
      hours,
      completed: true,
      recordedOn,
      createdBy: 'test',
      createdAt: new Date(),
    });

  const hire = async (key: keyof typeof staff, idNumber: string, name: string) => {
    const { id: staffId } = await (
      await as('hengnan')
    ).teachers.staff.hire({
      idNumber,
      name,
      schoolId,
      employment: 'tenured',
      post: 'teacher',
      certificateNo: '20124300012001234',
      subject: '数学',
      joinedOn: '2022-11-28',
      query: clear,
    });
    staff[key] = staffId;
    const [row] = await database.db.select({ idIndex: st.idIndex }).from(st).where(eq(st.id, staffId));
    return row!.idIndex;
  };
  const base = async (idIndex: string, staffId: number, registeredOn: string, validUntil: string) =>
    database.db.insert(rg).values({
      idIndex,
      staffId,
      registeredOn,
      validUntil,
      outcome: 'registered',
      updatedBy: 'seed',
      updatedAt: new Date(),
    });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const [account] = await database.db.select().from(accounts).where(eq(accounts.username, 'xiaoxue'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
    for (const u of ['hengnan', 'leiyang', 'teachers', 'xiaoxue']) cookies.set(u, await signIn(database, u));
    // a: due soon (2022-12-15), b: overdue (2022-10-01), c: valid (2025)
    person.a = await hire('a', id('43042219800101101'), '李红梅');
    person.b = await hire('b', id('43042219810202102'), '张建国');
    person.c = await hire('c', id('43042219820303203'), '王丽');
    await base(person.a, staff.a, '2017-12-15', '2022-12-15');
    await base(person.b, staff.b, '2017-10-01', '2022-10-01');
    await base(person.c, staff.c, '2020-09-01', '2025-09-01');
    const city = await as('teachers');
    for (const year of [2017, 2019, 2020, 2021, 2022]) {
      const project = { tier: 'municipal' as const, name: `衡阳市${year}年中小学教师全员培训`, year, organiser: '衡阳市教育局' };
      projects.set(year, (await city.teachers.training.projects.create({ ...project, plannedHours: 400, itCapability: false })).id);
    }
    // a: 300 hours in the period (2017-12-15 … 2022-11-30), and 100 before its last registration that do not count
    await trained('a', 2017, 100, '2017-12-10');
    await trained('a', 2019, 200, '2019-07-01');
    await trained('a', 2021, 100, '2021-07-01');
    await trained('b', 2020, 360, '2020-05-01');
    await trained('c', 2021, 360, '2021-08-01');
  }, 120_000);
  afterAll(() => database?.close());

  it('a school enters its teachers’ appraisals: one per person and year, bad input refused in Chinese, another county sees nothing', async () => {
    const school = await as('xiaoxue');
    for (const year of [2017, 2018, 2019, 2020, 2021])
      await school.teachers.appraisal.create({ staffId: staff.a, year, result: year === 2019 ? 'excellent' : 'competent', ethics: 'pass' });
    expect(await failure(school.teachers.appraisal.create({ staffId: staff.a, year: 2019, result: 'competent', ethics: 'pass' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '李红梅的2019年度考核结果已录入，如需更改请修改该记录',
    });
    expect(await failure(school.teachers.appraisal.create({ staffId: staff.a, year: 2023, result: 'competent', ethics: 'pass' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '考核年度不能晚于2022年',
    });
    expect(
      await failure(school.teachers.appraisal.create({ staffId: staff.a, year: 2020, result: '良好' as 'competent', ethics: 'pass' })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('请选择年度考核结果') });
    const leiyang = await as('leiyang');
    expect(await failure(leiyang.teachers.appraisal.create({ staffId: staff.a, year: 2020, result: 'competent', ethics: 'pass' }))).toEqual(
      {
        code: 'NOT_FOUND',
        message: '记录不存在或不在您的数据范围内',
      },
    );
    expect((await leiyang.teachers.appraisal.list({ page: 1, pageSize: 20 })).rows).toEqual([]);
    const list = await school.teachers.appraisal.list({ page: 1, pageSize: 3, year: 2019 });
    expect(list.rows.map((r) => [r.name, r.result])).toEqual([['李红梅', 'excellent']]);
    // keyset: the second page after the first's last row
    const page1 = await school.teachers.appraisal.list({ page: 1, pageSize: 3 });
    const page2 = await school.teachers.appraisal.list({ page: 2, pageSize: 3, after: page1.next! });
    expect(page1.total).toBe(5);
    expect([...page1.rows, ...page2.rows].map((r) => r.year)).toEqual([2021, 2020, 2019, 2018, 2017]);
    const exported = await (await as('hengnan')).teachers.appraisal.export({ year: 2019 });
    expect(exported.rows).toBe(1);
  });

  it('a correction is version-guarded', async () => {
    const county = await as('hengnan');
    const [row] = (await county.teachers.appraisal.list({ page: 1, pageSize: 5, year: 2021, q: '李红梅' })).rows;
    await county.teachers.appraisal.correct({ id: row!.id, expectedVersion: 1, result: 'excellent', ethics: 'pass' });
    expect(
      await failure(county.teachers.appraisal.correct({ id: row!.id, expectedVersion: 1, result: 'competent', ethics: 'pass' })),
    ).toEqual(CONFLICT);
    expect(
      await failure(
        (await as('leiyang')).teachers.appraisal.correct({ id: row!.id, expectedVersion: 2, result: 'competent', ethics: 'pass' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists the standing (the SQL filter agrees with the domain) and reminds the school and its county in the 待办', async () => {
    const school = await as('xiaoxue');
    const all = await school.teachers.registration.list({ page: 1, pageSize: 100 });
    const standing = Object.fromEntries(all.rows.map((r) => [r.staffId, r.standing]));
    expect([standing[staff.a], standing[staff.b], standing[staff.c]]).toEqual(['dueSoon', 'overdue', 'valid']);
    for (const s of RegistrationStanding.options) {
      const rows = (await school.teachers.registration.list({ page: 1, pageSize: 100, registrationStanding: s })).rows;
      expect(rows.every((r) => r.standing === s)).toBe(true);
      expect(rows.length).toBe(all.rows.filter((r) => r.standing === s).length);
    }
    const inbox = (await school.inbox.list()).find((g) => g.kind === 'registration');
    expect(inbox?.items).toEqual([
      expect.objectContaining({
        id: schoolId,
        detail: '1名教师逾期未注册，1名教师即将到期',
        state: 'overdue',
        steps: ['apply'],
        overdue: true,
      }),
    ]);
    const county = (await (await as('hengnan')).inbox.list()).find((g) => g.kind === 'registration');
    expect(county?.items.find((i) => i.id === schoolId)?.steps).toEqual(['register']);
    expect((await (await as('leiyang')).inbox.list()).find((g) => g.kind === 'registration')?.items.some((i) => i.id === schoolId)).toBe(
      false,
    );
    // the KPI: 张建国 is overdue at the school
    const byUnit = await registrationOverdue.byUnit(database.db, { kind: 'all' }, AS_OF);
    expect(byUnit.get('430422')?.num).toBe(1);
    const bySchool = await registrationOverdue.bySchool!(database.db, { kind: 'all' }, '430422', AS_OF);
    expect(bySchool.find((s) => s.schoolId === schoolId)?.measure.num).toBe(1);
  });

  it('registers by the rules: the school may not, too few hours on record and missing years are refused, a 不合格 year defers', async () => {
    const county = await as('hengnan');
    const apply = { staffId: staff.a, registeredOn: '2022-11-30', expectedVersion: 1 };
    expect(await failure((await as('xiaoxue')).teachers.registration.register(apply))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure((await as('leiyang')).teachers.registration.register(apply))).toMatchObject({ code: 'NOT_FOUND' });
    // the hours are the training records' of the period, not a declared figure: a's 300 are short of 360
    expect(await failure(county.teachers.registration.register(apply))).toEqual({
      code: 'BAD_REQUEST',
      message: '培训学时不足：2017-12-15至2022-11-30培训记录共300学时，规定不少于360学时',
    });
    expect((await county.teachers.registration.byStaff({ staffId: staff.a })).training).toMatchObject({
      from: '2017-12-15',
      to: AS_OF,
      hours: 300,
      records: [
        expect.objectContaining({ hours: 100, recordedOn: '2021-07-01', tierLabel: '市培' }),
        expect.objectContaining({ hours: 200, recordedOn: '2019-07-01' }),
      ],
    });
    const listed = async () =>
      Object.fromEntries(
        (await county.teachers.registration.list({ page: 1, pageSize: 100, schoolId })).rows.map((r) => [r.staffId, r.hoursOnRecord]),
      );
    expect(await listed()).toMatchObject({ [staff.a]: 300, [staff.b]: 360, [staff.c]: 360 });
    // the school enters 2022's hours in 培训记录: they count at once
    await (
      await as('xiaoxue')
    ).teachers.training.records.create({
      staffId: staff.a,
      projectId: projects.get(2022)!,
      hours: 80,
      completed: true,
      recordedOn: '2022-10-01',
    });
    expect((await listed())[staff.a]).toBe(380);
    expect(await failure(county.teachers.registration.register({ ...apply, expectedVersion: 2 }))).toEqual(CONFLICT);
    const done = await county.teachers.registration.register(apply);
    expect(done).toMatchObject({ outcome: 'registered', validUntil: '2027-11-30', version: 2 });
    expect((await database.db.select().from(rg).where(eq(rg.staffId, staff.a)))[0]).toMatchObject({ hours: 380 });
    // b: no appraisal for 2017 → refused naming the year; then 2019 不合格 → 暂缓注册
    const b = { staffId: staff.b, registeredOn: '2022-11-30', expectedVersion: 1 };
    expect(await failure(county.teachers.registration.register(b))).toEqual({
      code: 'BAD_REQUEST',
      message: '缺少2017、2018、2019、2020、2021年度考核结果，请先录入',
    });
    for (const year of [2017, 2018, 2019, 2020, 2021])
      await county.teachers.appraisal.create({
        staffId: staff.b,
        year,
        result: year === 2019 ? 'incompetent' : 'competent',
        ethics: 'pass',
      });
    expect(await county.teachers.registration.register(b)).toMatchObject({ outcome: 'deferred', reasons: ['2019年度考核未达到合格等次'] });
    const school = await as('xiaoxue');
    expect(
      (await school.teachers.registration.list({ page: 1, pageSize: 10, registrationStanding: 'deferred' })).rows.map((r) => r.staffId),
    ).toEqual([staff.b]);
    const [rec] = await database.db.select().from(rg).where(eq(rg.staffId, staff.b));
    expect(rec).toMatchObject({ outcome: 'deferred', registeredOn: '2017-10-01', hours: 360, version: 2 });
    // a valid registration is not renewed early
    expect(
      await failure(county.teachers.registration.register({ staffId: staff.c, registeredOn: '2022-11-30', expectedVersion: 1 })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: '注册有效期至2025-09-01，到期前90天内方可办理',
    });
    const detail = await county.teachers.registration.byStaff({ staffId: staff.b });
    expect(detail).toMatchObject({ standing: 'deferred', years: [2017, 2018, 2019, 2020, 2021] });
  });

  it('a 师德考核 不合格 year: 不予注册', async () => {
    const city = await as('teachers');
    const [school] = await database.db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId));
    expect(school).toBeTruthy();
    const c = staff.c;
    await database.db
      .update(rg)
      .set({ validUntil: '2022-12-01' })
      .where(and(eq(rg.staffId, c)));
    for (const year of [2020, 2021])
      await city.teachers.appraisal.create({ staffId: c, year, result: 'competent', ethics: year === 2021 ? 'fail' : 'pass' });
    expect(await city.teachers.registration.register({ staffId: c, registeredOn: '2022-11-30', expectedVersion: 1 })).toMatchObject({
      outcome: 'refused',
      reasons: ['2021年度师德考核不合格'],
    });
    expect(
      (await city.teachers.registration.list({ page: 1, pageSize: 10, registrationStanding: 'refused', schoolId })).rows.map(
        (r) => r.staffId,
      ),
    ).toEqual([c]);
  });

  it('imports the national system’s appraisal export: a dry run lists problems by row; a county only its own; all or nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核结果导出');
    ws.addRow(['全国教师管理信息系统 年度考核结果']);
    ws.addRow(['身份证号', '姓名', '年度', '考核结果', '师德考核结果']);
    ws.addRow([id('43042219800101101'), '李红梅', '2016', '优秀', '合格']);
    ws.addRow([id('43042219800101101'), '李红梅', '2021', '合格', '合格']); // recorded as 优秀 after the correction: updated
    ws.addRow([id('43042219810202102'), '张建国', '2016', '良好', '合格']);
    ws.addRow([id('43042219810202102'), '张建', '2015', '合格', '合格']);
    ws.addRow([id('43042219800101101'), '李红梅', '2016', '优秀', '合格']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const upload = (base64: string, dryRun: boolean) => ({ fileName: '考核结果.xlsx', base64, dryRun });
    const county = await as('hengnan');
    const dry = await county.teachers.appraisal.import(upload(file, true));
    expect(dry).toMatchObject({ imported: 0, errorCount: 3 });
    expect(dry.errors).toEqual([
      '第5行 考核结果 考核结果应为优秀、合格、基本合格、不合格或不定等次',
      '第6行 姓名 与在岗记录的姓名（张建国）不一致',
      '第7行 身份证号 与第3行是同一人同一年度（每人每年只能有一行）',
    ]);
    expect((await (await as('leiyang')).teachers.appraisal.import(upload(file, true))).errors).toContain(
      '第3行 身份证号 该人员不是本单位学校的在岗教职员工',
    );
    expect(await failure((await as('xiaoxue')).teachers.appraisal.import(upload(file, true)))).toMatchObject({ code: 'FORBIDDEN' });
    const clean = new ExcelJS.Workbook();
    const cs = clean.addWorksheet('年度考核结果');
    cs.addRow(['身份证号', '姓名', '年度', '考核结果', '师德考核结果']);
    cs.addRow([id('43042219800101101'), '李红梅', '2016', '优秀', '合格']);
    cs.addRow([id('43042219800101101'), '李红梅', '2021', '合格', '合格']);
    cs.addRow([id('43042219800101101'), '李红梅', '2020', '合格', '合格']);
    const cleanFile = Buffer.from(await clean.xlsx.writeBuffer()).toString('base64');
    expect(await county.teachers.appraisal.import(upload(cleanFile, false))).toMatchObject({
      imported: 2,
      created: 1,
      updated: 1,
      unchanged: 1,
    });
    const years = (await county.teachers.appraisal.list({ page: 1, pageSize: 20, q: '李红梅' })).rows.map((r) => [r.year, r.result]);
    expect(years).toContainEqual([2016, 'excellent']);
    expect(years).toContainEqual([2021, 'competent']);
    expect((await county.teachers.appraisal.template()).base64.length).toBeGreaterThan(100);
  });

  it('the counts behind the lists’ totals follow every entry, correction and import', async () => {
    const { teacherAppraisals: a, teacherAppraisalCounts: c } = tables;
    const byRows = await database.db
      .select({ unitCode: a.unitCode, year: a.year, result: a.result, ethics: a.ethics, n: sql<number>`count(*)::int` })
      .from(a)
      .groupBy(a.unitCode, a.year, a.result, a.ethics);
    const kept = await database.db
      .select()
      .from(c)
      .where(sql`${c.n} > 0`);
    const key = (x: { unitCode: string; year: number; result: string; ethics: string; n: number }) =>
      `${x.unitCode} ${x.year} ${x.result} ${x.ethics} ${x.n}`;
    expect(kept.map(key).sort()).toEqual(byRows.map(key).sort());
    const county = await as('hengnan');
    const direct = byRows.filter((x) => x.unitCode === '430422' && x.year === 2021).reduce((s, x) => s + x.n, 0);
    expect(direct).toBeGreaterThan(0);
    expect((await county.teachers.appraisal.list({ page: 1, pageSize: 5, year: 2021 })).total).toBe(direct);
    const excellent = byRows.filter((x) => x.result === 'excellent').reduce((s, x) => s + x.n, 0);
    expect((await (await as('teachers')).teachers.appraisal.list({ page: 1, pageSize: 5, result: 'excellent' })).total).toBe(excellent);
  });

  it('the rules: the city only, version-guarded and audited', async () => {
    const rules = { periodYears: 5, minHours: 300, dueSoonDays: 120 };
    expect(await failure((await as('hengnan')).teachers.registration.saveRules({ ...rules, expectedVersion: 0 }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const city = await as('teachers');
    expect(await failure(city.teachers.registration.saveRules({ ...rules, periodYears: 0, expectedVersion: 0 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('注册周期不能少于1年'),
    });
    expect(await city.teachers.registration.saveRules({ ...rules, expectedVersion: 0 })).toEqual({ version: 1 });
    expect(await failure(city.teachers.registration.saveRules({ ...rules, expectedVersion: 0 }))).toEqual(CONFLICT);
    expect(await (await as('xiaoxue')).teachers.registration.rules()).toMatchObject({ ...rules, version: 1, canEdit: false });
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
    void asc;
  });
});
