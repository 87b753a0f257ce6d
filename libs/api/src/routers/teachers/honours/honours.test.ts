import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const { schools, teacherEntries: entries, teacherBlacklist, teacherEthicsCases, auditLog } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);
const person = (idNumber: string, schoolId: number, name: string) => ({
  idNumber,
  name,
  schoolId,
  employment: 'tenured' as const,
  post: 'teacher' as const,
  certificateNo: '20104300012001234',
  subject: '语文',
  joinedOn: '2022-11-25',
  query: { queriedOn: '2022-11-20', result: 'clear' as const },
});
const deeds = '扎根乡村教学二十年，所教班级成绩优异，深受学生爱戴。';

describe.each(testEngines())('honours: rounds, nominations through the entry gate and the city review on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let hengnan: number[] = [];
  let leiyang: number[] = [];
  let roundId = 0;

  /** An ethics case about the person (and, when `listed`, the 黑名单 entry its decision made). */
  async function ethicsCase(
    idNumber: string,
    unitCode: string,
    schoolId: number,
    c: { listed: boolean; handling: 'expulsion' | 'criticism' },
  ) {
    const idIndex = blindIndex(database.keys.indexKey, idNumber);
    const [made] = await database.db
      .insert(teacherEthicsCases)
      .values({
        schoolId,
        unitCode,
        name: '某某',
        idIndex,
        idCipher: 'v1.x.x.x',
        privateSchool: false,
        clause: 10,
        source: 'report',
        clue: '有偿补课',
        status: 'closed',
        handling: c.handling,
        effectiveOn: c.listed ? '2021-06-01' : '2022-04-01',
        certificate: 'none',
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: teacherEthicsCases.id });
    if (c.listed)
      await database.db.insert(teacherBlacklist).values({
        idIndex,
        name: '某某',
        caseId: made!.id,
        unitCode,
        fromDate: '2021-06-01',
        createdBy: 'test',
        createdAt: new Date(),
      });
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const pick = async (unit: string) =>
      (
        await database.db
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.unitCode, unit), eq(schools.ownership, 'public')))
          .orderBy(asc(schools.code))
          .limit(2)
      ).map((s) => s.id);
    hengnan = await pick('430422');
    leiyang = await pick('430481');
    for (const u of ['hengnan', 'leiyang', 'teachers', 'school']) cookies.set(u, await signIn(database, u));
    const city = await as('teachers');
    roundId = (
      await city.teachers.honours.createRound({
        name: '优秀教师',
        year: 2022,
        level: 'city',
        quotas: [
          { unitCode: '430422', quota: 2 },
          { unitCode: '430481', quota: 2 },
        ],
      })
    ).id;
  }, 120_000);
  afterAll(() => database?.close());

  it('only the city opens a round; a county nominates within its quota and the city approves or refuses with a reason', async () => {
    const county = await as('hengnan');
    const city = await as('teachers');
    expect(
      await failure(
        county.teachers.honours.createRound({ name: '优秀班主任', year: 2022, level: 'city', quotas: [{ unitCode: '430422', quota: 1 }] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(city.teachers.honours.createRound({ name: '', year: 2022, level: 'x' as never, quotas: [] }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/表彰名称|请选择表彰级别|请填写各县市区名额/),
    });
    const a = await county.teachers.staff.hire(person(id('43042219800101011'), hengnan[0]!, '刘优秀'));
    const b = await county.teachers.staff.hire(person(id('43042219810101012'), hengnan[1]!, '陈优秀'));
    const c = await county.teachers.staff.hire(person(id('43042219820101013'), hengnan[1]!, '杨优秀'));
    const na = await county.teachers.honours.nominate({ roundId, staffId: a.id, deeds });
    const nb = await county.teachers.honours.nominate({ roundId, staffId: b.id, deeds });
    expect(await failure(county.teachers.honours.nominate({ roundId, staffId: a.id, deeds }))).toMatchObject({
      message: '该教师已在本次评选中被推荐',
    });
    expect(await failure(county.teachers.honours.nominate({ roundId, staffId: c.id, deeds }))).toEqual({
      code: 'BAD_REQUEST',
      message: '推荐人数已达名额（2名），不能再推荐',
    });
    expect(await failure(county.teachers.honours.nominate({ roundId, staffId: c.id, deeds: '短' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('主要事迹'),
    });
    // the city's 待办 holds them; the county's does not (the review is not its turn)
    const awaiting = (await city.inbox.list()).find((g) => g.kind === 'nomination');
    expect(awaiting?.items.map((i) => i.id)).toEqual([na.id, nb.id]);
    expect((await county.inbox.list()).some((g) => g.kind === 'nomination')).toBe(false);
    const round = await county.teachers.honours.round({ id: roundId });
    expect(round.quotas).toEqual([{ unitCode: '430422', unitName: expect.any(String), quota: 2, nominated: 2 }]);
    // the county cannot review; the city approves, refuses only with a reason; a stale version is a CONFLICT
    expect(await failure(county.teachers.honours.step({ id: na.id, expectedVersion: 1, action: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await city.teachers.honours.step({ id: na.id, expectedVersion: 1, action: 'approve' });
    expect(await failure(city.teachers.honours.step({ id: na.id, expectedVersion: 1, action: 'approve' }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(city.teachers.honours.step({ id: nb.id, expectedVersion: 1, action: 'refuse' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    await city.teachers.honours.step({ id: nb.id, expectedVersion: 1, action: 'refuse', reason: '事迹材料不充分' });
    const list = await county.teachers.honours.nominations({ page: 1, pageSize: 20, roundId });
    expect(list.rows.map((r) => [r.name, r.status, r.reason])).toEqual([
      ['刘优秀', 'approved', null],
      ['陈优秀', 'refused', '事迹材料不充分'],
    ]);
    expect((await city.teachers.honours.history({ id: nb.id })).map((h) => h.action)).toEqual([
      'teachers.honours.nominate',
      'teachers.nomination.refuse',
    ]);
    // another county does not see them
    const other = await as('leiyang');
    expect(await failure(other.teachers.honours.history({ id: na.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await failure(other.teachers.honours.step({ id: nb.id, expectedVersion: 2, action: 'withdraw', reason: '撤回推荐' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(other.teachers.honours.nominate({ roundId, staffId: c.id, deeds }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the gate refuses a blacklisted person and a 师德 record at nomination, with the reason only for the entitled', async () => {
    const county = await as('hengnan');
    const other = await as('leiyang');
    const city = await as('teachers');
    const listed = id('43048119790707014');
    const p = await other.teachers.staff.hire(person(listed, leiyang[0]!, '黄某'));
    await ethicsCase(listed, '430481', leiyang[0]!, { listed: true, handling: 'expulsion' });
    expect(await failure(other.teachers.honours.nominate({ roundId, staffId: p.id, deeds }))).toEqual({
      code: 'BAD_REQUEST',
      message: '不符合准入条件',
    });
    expect(await failure(city.teachers.honours.nominate({ roundId, staffId: p.id, deeds }))).toEqual({
      code: 'BAD_REQUEST',
      message: '该人员在师德失范黑名单期限内，不得录用',
    });
    const rows = await database.db
      .select({ kind: entries.kind, refusal: entries.refusal })
      .from(entries)
      .where(eq(entries.idIndex, blindIndex(database.keys.indexKey, listed)))
      .orderBy(asc(entries.id));
    expect(rows).toEqual([
      { kind: 'hire', refusal: null },
      { kind: 'nomination', refusal: 'blacklisted' },
      { kind: 'nomination', refusal: 'blacklisted' },
    ]);
    const denied = await database.db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.honours.nominate'), eq(auditLog.result, 'denied')));
    expect(denied.map((d) => d.actor)).toEqual(expect.arrayContaining(['leiyang', 'teachers']));
    // a school takes no part in a round (it does not nominate); the export holds the caller's nominations
    const school = await as('school');
    expect(await failure(school.teachers.honours.nominate({ roundId, staffId: p.id, deeds }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await school.teachers.honours.rounds({ page: 1, pageSize: 20 })).rows).toEqual([]);
    expect((await county.teachers.honours.exportNominations({ roundId })).rows).toBe(2);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('a 师德 record of the year bars a nomination even with a free place (the county ethics role reads why)', async () => {
    const county = await as('hengnan');
    const city = await as('teachers');
    const r2 = await city.teachers.honours.createRound({
      name: '优秀班主任',
      year: 2022,
      level: 'city',
      quotas: [{ unitCode: '430422', quota: 3 }],
    });
    const handled = id('43042219770909016');
    const q = await county.teachers.staff.hire(person(handled, hengnan[1]!, '何某'));
    await ethicsCase(handled, '430422', hengnan[1]!, { listed: false, handling: 'criticism' });
    expect(await failure(county.teachers.honours.nominate({ roundId: r2.id, staffId: q.id, deeds }))).toEqual({
      code: 'BAD_REQUEST',
      message: '该教师师德考核不合格（受处分期间、当年受师德失范处理或案件尚在办理），不得推荐评优评先',
    });
    const rounds = await county.teachers.honours.rounds({ page: 1, pageSize: 20, year: 2022 });
    expect(rounds.rows.find((r) => r.id === r2.id)).toMatchObject({ quota: 3, nominated: 0 });
    expect(rounds.canCreate).toBe(false);
  });
});
