import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const { accounts, schools, teacherEntries: entries, teacherBlacklist, teacherEthicsCases, auditLog } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);
const clear = { queriedOn: '2022-11-20', result: 'clear' as const };
const person = (idNumber: string, schoolId: number, name: string) => ({
  idNumber,
  name,
  schoolId,
  employment: 'tenured' as const,
  post: 'teacher' as const,
  certificateNo: '20104300012001234',
  subject: '数学',
  joinedOn: '2022-11-25',
  query: clear,
});
const need = (schoolId: number, needed = 1) => ({
  schoolId,
  schoolYear: '2022-2023',
  subject: '数学',
  schoolStage: 'primary' as const,
  needed,
  startsOn: '2022-09-01',
  endsOn: '2023-07-15',
});
const period = { startsOn: '2022-12-01', endsOn: '2023-06-30', query: clear };

describe.each(testEngines())('support teaching: needs, their fill and dispatches through the entry gate on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let hengnan: number[] = [];
  let leiyang: number[] = [];

  /** Puts a person on the 黑名单 from 2021 (a case of 衡南县 or 耒阳市), as a decision would. */
  async function blacklist(idNumber: string, unitCode: string, schoolId: number) {
    const idIndex = blindIndex(database.keys.indexKey, idNumber);
    const [c] = await database.db
      .insert(teacherEthicsCases)
      .values({
        schoolId,
        unitCode,
        name: '赵某',
        idIndex,
        idCipher: 'v1.x.x.x',
        privateSchool: false,
        clause: 5,
        source: 'complaint',
        clue: '群众举报',
        status: 'executing',
        handling: 'expulsion',
        effectiveOn: '2021-06-01',
        certificate: 'none',
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: teacherEthicsCases.id });
    await database.db.insert(teacherBlacklist).values({
      idIndex,
      name: '赵某',
      caseId: c!.id,
      unitCode,
      fromDate: '2021-06-01',
      createdBy: 'test',
      createdAt: new Date(),
    });
  }

  const refusalsOf = (idNumber: string) =>
    database.db
      .select({ kind: entries.kind, refusal: entries.refusal })
      .from(entries)
      .where(eq(entries.idIndex, blindIndex(database.keys.indexKey, idNumber)))
      .orderBy(asc(entries.id));

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const pick = async (unit: string) =>
      (
        await database.db
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.unitCode, unit), eq(schools.ownership, 'public')))
          .orderBy(asc(schools.code))
          .limit(3)
      ).map((s) => s.id);
    hengnan = await pick('430422');
    leiyang = await pick('430481');
    for (const u of ['hengnan', 'leiyang', 'teachers', 'school']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('a county states a need and dispatches a teacher of another school to it; the fill follows; beyond the need is refused', async () => {
    const county = await as('hengnan');
    const a = await county.teachers.staff.hire(person(id('43042219850101001'), hengnan[0]!, '李支教'));
    const b = await county.teachers.staff.hire(person(id('43042219860202002'), hengnan[1]!, '周支教'));
    const made = await county.teachers.support.createNeed(need(hengnan[2]!));
    // the teacher's own school is not a receiving school for them
    const own = await county.teachers.support.createNeed(need(hengnan[0]!));
    expect(await failure(county.teachers.support.dispatch({ needId: own.id, expectedVersion: 1, staffId: a.id, ...period }))).toEqual({
      code: 'BAD_REQUEST',
      message: '受援学校就是该教师所在学校，不能派遣',
    });
    const sent = await county.teachers.support.dispatch({ needId: made.id, expectedVersion: 1, staffId: a.id, ...period });
    expect(sent.version).toBe(2);
    // the dispatched teacher is no longer offered over the period; the other still is
    const offered = (await county.teachers.support.candidates({ needId: made.id })).map((c) => c.id);
    expect(offered).toContain(b.id);
    expect(offered).not.toContain(a.id);
    const seen = await county.teachers.support.need({ id: made.id });
    expect(seen).toMatchObject({ dispatched: 1, fill: 1, canDispatch: false });
    expect(seen.dispatches.map((d) => d.name)).toEqual(['李支教']);
    expect(await failure(county.teachers.support.dispatch({ needId: made.id, expectedVersion: 2, staffId: b.id, ...period }))).toEqual({
      code: 'BAD_REQUEST',
      message: '该需求已派满（需1人）',
    });
    // a stale version (the dispatch moved the need on) is a CONFLICT; the need cannot drop below its dispatches
    expect(await failure(county.teachers.support.updateNeed({ id: made.id, expectedVersion: 1, ...need(0), needed: 2 }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const { schoolId: _, ...fields } = need(0, 2);
    expect(await failure(county.teachers.support.updateNeed({ id: made.id, expectedVersion: 1, ...fields }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(county.teachers.support.updateNeed({ id: made.id, expectedVersion: 2, ...fields, needed: 0 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('需求人数至少为1'),
    });
    await county.teachers.support.updateNeed({ id: made.id, expectedVersion: 2, ...fields });
    await county.teachers.support.dispatch({ needId: made.id, expectedVersion: 3, staffId: b.id, ...period });
    const list = await county.teachers.support.needs({ page: 1, pageSize: 20, schoolYear: '2022-2023' });
    expect(list.rows.find((r) => r.id === made.id)).toMatchObject({ needed: 2, dispatched: 2, fill: 1 });
    expect((await county.teachers.support.needs({ page: 1, pageSize: 20, open: true })).rows.map((r) => r.id)).toEqual([own.id]);
    expect((await county.teachers.support.dispatches({ page: 1, pageSize: 20, needId: made.id })).total).toBe(2);
    // the county's 待办: the need still awaiting teachers, not the filled one
    const awaiting = (await county.inbox.list()).find((g) => g.kind === 'supportNeed');
    expect(awaiting?.items.map((i) => i.id)).toEqual([own.id]);
    // the admitted entries are support entries at the receiving school
    expect(await refusalsOf(id('43042219850101001'))).toEqual([
      { kind: 'hire', refusal: null },
      { kind: 'support', refusal: null },
    ]);
    expect(await failure(county.teachers.support.history({ id: made.id }))).toBeNull();
  });

  it('the gate refuses a blacklisted teacher and a stale 准入查询 at dispatch, with the reason only for the entitled', async () => {
    const county = await as('hengnan');
    const other = await as('leiyang');
    const listedHengnan = id('43042219800303003');
    const x = await county.teachers.staff.hire(person(listedHengnan, hengnan[0]!, '钱某'));
    await blacklist(listedHengnan, '430422', hengnan[0]!);
    const n = await county.teachers.support.createNeed(need(hengnan[1]!, 3));
    expect(await failure(county.teachers.support.dispatch({ needId: n.id, expectedVersion: 1, staffId: x.id, ...period }))).toEqual({
      code: 'BAD_REQUEST',
      message: '该人员在师德失范黑名单期限内，不得录用',
    });
    // 耒阳市's account has no ethics role: it reads only that the person does not qualify
    const listedLeiyang = id('43048119810404004');
    const y = await other.teachers.staff.hire(person(listedLeiyang, leiyang[0]!, '孙某'));
    await blacklist(listedLeiyang, '430481', leiyang[0]!);
    const m = await other.teachers.support.createNeed(need(leiyang[1]!));
    expect(await failure(other.teachers.support.dispatch({ needId: m.id, expectedVersion: 1, staffId: y.id, ...period }))).toEqual({
      code: 'BAD_REQUEST',
      message: '不符合准入条件',
    });
    expect(await refusalsOf(listedLeiyang)).toEqual([
      { kind: 'hire', refusal: null },
      { kind: 'support', refusal: 'blacklisted' },
    ]);
    // a query older than 90 days before the dispatch starts
    const z = await county.teachers.staff.hire(person(id('43042219870505005'), hengnan[2]!, '吴支教'));
    const stale = { ...period, query: { queriedOn: '2022-08-01', result: 'clear' as const } };
    expect(await failure(county.teachers.support.dispatch({ needId: n.id, expectedVersion: 1, staffId: z.id, ...stale }))).toEqual({
      code: 'BAD_REQUEST',
      message: '准入查询距入职已超过90天，请重新查询',
    });
    const { query: _q, ...noQuery } = period;
    expect(await failure(county.teachers.support.dispatch({ needId: n.id, expectedVersion: 1, staffId: z.id, ...noQuery }))).toMatchObject({
      message: '未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用',
    });
    const denied = await database.db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.support.dispatch'), eq(auditLog.result, 'denied')));
    expect(denied.map((d) => d.actor)).toEqual(expect.arrayContaining(['hengnan', 'leiyang']));
    // nothing was dispatched
    expect((await county.teachers.support.need({ id: n.id })).dispatched).toBe(0);
  });

  it("keeps each county to its own: another county's need or teacher is NOT_FOUND; a school states needs but does not dispatch", async () => {
    const county = await as('hengnan');
    const other = await as('leiyang');
    const n = await county.teachers.support.createNeed(need(hengnan[1]!));
    const t = await other.teachers.staff.hire(person(id('43048119880606006'), leiyang[0]!, '郑支教'));
    expect(await failure(other.teachers.support.need({ id: n.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(other.teachers.support.dispatch({ needId: n.id, expectedVersion: 1, staffId: t.id, ...period }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failure(county.teachers.support.dispatch({ needId: n.id, expectedVersion: 1, staffId: t.id, ...period }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failure(other.teachers.support.createNeed(need(hengnan[0]!)))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.teachers.support.needs({ page: 1, pageSize: 100 })).rows.some((r) => r.id === n.id)).toBe(false);
    // the city dispatches across counties
    const city = await as('teachers');
    await city.teachers.support.dispatch({ needId: n.id, expectedVersion: 1, staffId: t.id, ...period });
    expect((await other.teachers.support.dispatches({ page: 1, pageSize: 100 })).rows.map((r) => r.name)).toContain('郑支教');
    // a school states a need of its own and sees its teachers, but does not dispatch them
    const school = await as('school');
    const [account] = await database.db.select({ grants: accounts.grants }).from(accounts).where(eq(accounts.username, 'school'));
    const schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
    const own = await school.teachers.support.createNeed(need(schoolId));
    const mine = await school.teachers.staff.hire(person(id('43042219890707007'), schoolId, '冯老师'));
    expect(await failure(school.teachers.support.dispatch({ needId: own.id, expectedVersion: 1, staffId: mine.id, ...period }))).toEqual({
      code: 'FORBIDDEN',
      message: '支教派遣由县市区教育局或市教育局办理',
    });
    expect(await failure(school.teachers.support.dispatch({ needId: n.id, expectedVersion: 2, staffId: t.id, ...period }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses bad input in Chinese on its field, and exports both lists', async () => {
    const county = await as('hengnan');
    const bad = await failure(county.teachers.support.createNeed({ ...need(hengnan[0]!), schoolYear: '2022', schoolStage: 'x' as never }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bad!.message).toMatch(/学年应为“2021-2022”格式|请选择学段/);
    expect(await failure(county.teachers.support.createNeed({ ...need(hengnan[0]!), endsOn: '2023-09-30' }))).toMatchObject({
      message: '支教期间应在2022-2023学年内（2022-09-01至2023-08-31）',
    });
    const needs = await county.teachers.support.exportNeeds({});
    expect(needs.rows).toBeGreaterThan(0);
    expect(needs.filename).toMatch(/^支教需求_/);
    expect((await county.teachers.support.exportDispatches({})).rows).toBeGreaterThan(0);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });
});
