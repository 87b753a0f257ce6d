import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, decryptField, tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const { schools, teacherStaff: st, teacherEntries: entries, teacherBlacklist, teacherEthicsCases, auditLog } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);
const clear = { queriedOn: '2022-11-20', result: 'clear' as const };
const person = (idNumber: string, schoolId: number, extra: Record<string, unknown> = {}) => ({
  idNumber,
  name: '王晓梅',
  schoolId,
  employment: 'contract' as const,
  post: 'teacher' as const,
  certificateNo: '20184300022001234',
  subject: '语文',
  joinedOn: '2022-11-28',
  query: clear,
  ...extra,
});

describe.each(testEngines())('the staff registry and its entry gate on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let hengnanSchools: number[] = [];
  let leiyangSchool = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const pick = (unit: string) =>
      database.db.select({ id: schools.id }).from(schools).where(eq(schools.unitCode, unit)).orderBy(asc(schools.code)).limit(3);
    hengnanSchools = (await pick('430422')).map((s) => s.id);
    leiyangSchool = (await pick('430481'))[0]!.id;
    for (const u of ['hengnan', 'leiyang', 'teachers', 'school']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  const refusals = async (idNumber: string) =>
    database.db
      .select({ refusal: entries.refusal })
      .from(entries)
      .where(eq(entries.idIndex, blindIndex(database.keys.indexKey, idNumber)))
      .orderBy(asc(entries.id));

  it('a county hires into its school: the ID number is kept encrypted and shown masked; a second hire of the person is refused', async () => {
    const hengnan = await as('hengnan');
    const idNumber = id('43042219900512002');
    const { id: staffId } = await hengnan.teachers.staff.hire(person(idNumber, hengnanSchools[0]!));
    const [row] = await database.db.select().from(st).where(eq(st.id, staffId));
    expect(row).toMatchObject({ birthDate: '1990-05-12', sex: 'female', status: 'contract', unitCode: '430422' });
    expect(row!.idCipher).not.toContain('19900512');
    const list = await hengnan.teachers.staff.list({ page: 1, pageSize: 20, q: '王晓梅' });
    expect(list.rows.find((r) => r.id === staffId)?.idNumber).toBe(`4304**********${idNumber.slice(-4)}`);
    expect(await refusals(idNumber)).toEqual([{ refusal: null }]);
    expect(await failure(hengnan.teachers.staff.hire(person(idNumber, hengnanSchools[1]!)))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^该人员现在.+在岗，请办理调动$/),
    });
    // Another county does not see the person at all.
    expect((await (await as('leiyang')).teachers.staff.list({ page: 1, pageSize: 100, q: '王晓梅' })).rows).toEqual([]);
    // A name with Latin letters is found whatever their case (a Chinese name without case by LIKE, the same rows).
    const latin = await hengnan.teachers.staff.hire(person(id('43042219900512004'), hengnanSchools[0]!, { name: 'Anna李' }));
    expect((await hengnan.teachers.staff.list({ page: 1, pageSize: 20, q: 'aNNA' })).rows.map((r) => r.id)).toEqual([latin.id]);
    expect((await hengnan.teachers.staff.list({ page: 1, pageSize: 20, q: '晓梅' })).rows.map((r) => r.id)).toContain(staffId);
  });

  it('refuses a hire without a recent clear 准入查询, records the refusal and tells the reason only to the entitled', async () => {
    const hengnan = await as('hengnan');
    const leiyang = await as('leiyang');
    const idNumber = id('43048119850301003');
    const stale = await failure(
      hengnan.teachers.staff.hire(person(idNumber, hengnanSchools[0]!, { query: { ...clear, queriedOn: '2022-08-01' } })),
    );
    expect(stale).toMatchObject({ code: 'BAD_REQUEST', message: '准入查询距入职已超过90天，请重新查询' });
    // a hit: the county's ethics role reads the reason, a county without it only that the person does not qualify
    const hit = { query: { ...clear, result: 'hit' as const } };
    expect(await failure(hengnan.teachers.staff.hire(person(idNumber, hengnanSchools[0]!, hit)))).toMatchObject({
      message: '准入查询发现性侵违法犯罪信息，不得录用',
    });
    expect(await failure(leiyang.teachers.staff.hire(person(idNumber, leiyangSchool, hit)))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '不符合准入条件',
    });
    expect(await refusals(idNumber)).toEqual([{ refusal: 'query_stale' }, { refusal: 'query_hit' }, { refusal: 'query_hit' }]);
    // each refused entry keeps whom it refused: the name, and the number encrypted like the registry's
    const kept = await database.db
      .select({ name: entries.name, idIndex: entries.idIndex, idCipher: entries.idCipher })
      .from(entries)
      .where(eq(entries.idIndex, blindIndex(database.keys.indexKey, idNumber)));
    expect(kept.map((k) => [k.name, decryptField(database.keys.dataKey, k.idCipher!, `teacher_staff:${k.idIndex}`)])).toEqual(
      Array(3).fill(['王晓梅', idNumber]),
    );
    const denied = await database.db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.staff.hire'), eq(auditLog.result, 'denied')));
    expect(denied.map((d) => d.actor)).toEqual(expect.arrayContaining(['hengnan', 'leiyang']));
    expect(
      await database.db
        .select()
        .from(st)
        .where(eq(st.idIndex, blindIndex(database.keys.indexKey, idNumber))),
    ).toEqual([]);
  });

  it('a person blacklisted in one county cannot be hired or moved in another; the city moves people across counties', async () => {
    const leiyang = await as('leiyang');
    const city = await as('teachers');
    const hengnan = await as('hengnan');
    const listed = id('43042219800808004');
    const idIndex = blindIndex(database.keys.indexKey, listed);
    const [ethicsCase] = await database.db
      .insert(teacherEthicsCases)
      .values({
        schoolId: hengnanSchools[2]!,
        unitCode: '430422',
        name: '赵某',
        idIndex,
        idCipher: 'v1.x.x.x',
        privateSchool: false,
        clause: 7,
        source: 'complaint',
        clue: '群众举报',
        status: 'executing',
        handling: 'expulsion',
        effectiveOn: '2021-06-01',
        certificate: 'lost',
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: teacherEthicsCases.id });
    await database.db.insert(teacherBlacklist).values({
      idIndex,
      name: '赵某',
      caseId: ethicsCase!.id,
      unitCode: '430422',
      fromDate: '2021-06-01',
      createdBy: 'test',
      createdAt: new Date(),
    });
    expect(await failure(leiyang.teachers.staff.hire(person(listed, leiyangSchool, { name: '赵某' })))).toMatchObject({
      message: '不符合准入条件',
    });
    expect(await failure(city.teachers.staff.hire(person(listed, leiyangSchool, { name: '赵某' })))).toMatchObject({
      message: '该人员在师德失范黑名单期限内，不得录用',
    });

    // A clean person moves within 衡南县 (the county) and then to 耒阳市 (only the city may).
    const mover = id('43042219920202005');
    const { id: first } = await hengnan.teachers.staff.hire(person(mover, hengnanSchools[0]!, { name: '钱老师' }));
    const { id: second } = await hengnan.teachers.staff.transfer({
      id: first,
      expectedVersion: 1,
      toSchoolId: hengnanSchools[1]!,
      entersOn: '2022-11-29',
      query: clear,
    });
    expect(
      await failure(
        hengnan.teachers.staff.transfer({
          id: first,
          expectedVersion: 1,
          toSchoolId: hengnanSchools[2]!,
          entersOn: '2022-11-30',
          query: clear,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await failure(
        hengnan.teachers.staff.transfer({
          id: second,
          expectedVersion: 1,
          toSchoolId: leiyangSchool,
          entersOn: '2022-11-30',
          query: clear,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // two transfers of the same view: one lands, the other conflicts
    const moves = await Promise.allSettled([
      city.teachers.staff.transfer({ id: second, expectedVersion: 1, toSchoolId: leiyangSchool, entersOn: '2022-11-30', query: clear }),
      city.teachers.staff.transfer({
        id: second,
        expectedVersion: 1,
        toSchoolId: hengnanSchools[2]!,
        entersOn: '2022-11-30',
        query: clear,
      }),
    ]);
    expect(moves.filter((m) => m.status === 'fulfilled')).toHaveLength(1);
    expect(moves.find((m) => m.status === 'rejected')).toMatchObject({ reason: { code: expect.stringMatching(/CONFLICT|NOT_FOUND/) } });
    const rows = await database.db
      .select({ schoolId: st.schoolId, leftOn: st.leftOn })
      .from(st)
      .where(eq(st.idIndex, blindIndex(database.keys.indexKey, mover)))
      .orderBy(asc(st.id));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.leftOn === null)).toHaveLength(1);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('refuses bad input in Chinese, on its field, and a school hires only into itself', async () => {
    const hengnan = await as('hengnan');
    const bad = await failure(
      hengnan.teachers.staff.hire({ ...person('430422199005120021', hengnanSchools[0]!), employment: 'x' as never }),
    );
    expect(bad?.code).toBe('BAD_REQUEST');
    expect(bad?.message).toMatch(/身份证号校验位错误|请选择用工性质/);
    expect(
      await failure(hengnan.teachers.staff.hire(person(id('43042219900512006'), hengnanSchools[0]!, { certificateNo: undefined }))),
    ).toMatchObject({
      message: '专任教师请填写教师资格证号',
    });
    const school = await as('school');
    expect(await failure(school.teachers.staff.hire(person(id('43042219931111007'), leiyangSchool)))).toMatchObject({ code: 'NOT_FOUND' });
  });
  it('a hire without a 准入查询 is refused on the query’s date, and the refused entry is recorded', async () => {
    const hengnan = await as('hengnan');
    const idNumber = id('43042219920202009');
    const { query: _none, ...noQuery } = person(idNumber, hengnanSchools[0]!);
    expect(await failure(hengnan.teachers.staff.hire(noQuery))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用',
    });
    expect(await refusals(idNumber)).toEqual([{ refusal: 'no_query' }]);
  });
});
