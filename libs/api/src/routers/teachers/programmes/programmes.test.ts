import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { callerAs, failure } from '../../../testing.ts';
import { programmeArrival } from './kpi.ts';

const AS_OF = '2022-11-30';
const YEAR = 2023;
const { schools, teacherStaff: st, teacherProgrammePersons: p, auditLog } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);

describe.each(testEngines())('teacher supply programmes on %s', (engine) => {
  let database: Database;
  let hengnanSchool = 0;
  let leiyangSchool = 0;
  const as = (user: string) => callerAs(database, user, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const pick = async (unit: string) =>
      (
        await database.db
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.unitCode, unit), eq(schools.level, 'primary')))
          .orderBy(asc(schools.code))
          .limit(1)
      )[0]!.id;
    hengnanSchool = await pick('430422');
    leiyangSchool = await pick('430481');
  }, 120_000);
  afterAll(() => database?.close());

  it('the city sets quotas per county with a version; a county cannot; a stale version is a CONFLICT', async () => {
    const city = await as('teachers');
    const quota = { unitCode: '430422', year: YEAR, programme: 'special_post' as const, planned: 40, expectedVersion: 0 };
    expect(await city.teachers.programmes.saveQuota(quota)).toEqual({ version: 1 });
    expect(await failure(city.teachers.programmes.saveQuota({ ...quota, planned: 41 }))).toMatchObject({ code: 'CONFLICT' });
    expect(await city.teachers.programmes.saveQuota({ ...quota, planned: 42, expectedVersion: 1 })).toEqual({ version: 2 });
    const county = await as('hengnan');
    expect(await failure(county.teachers.programmes.saveQuota({ ...quota, expectedVersion: 2 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '计划人数由市教育局下达',
    });
    // 优师计划 only in a 定向县: none are set by default.
    expect(await failure(city.teachers.programmes.saveQuota({ ...quota, programme: 'excellent', planned: 3 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('只面向定向县'),
    });
    // Chinese field-level messages on bad input.
    expect(await failure(city.teachers.programmes.saveQuota({ ...quota, planned: -1 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('计划人数不能为负数'),
    });
    // A county reads its own row only.
    const own = await county.teachers.programmes.summary({ year: YEAR });
    expect(own.rows.map((r) => r.unitCode)).toEqual(['430422']);
    expect(own.rows[0]!.programmes.find((x) => x.programme === 'special_post')).toMatchObject({ planned: 42, arrived: 0, version: 2 });
    expect(own.canSetQuotas).toBe(false);
    expect((await (await as('leiyang')).teachers.programmes.summary({ year: YEAR, unitCode: '430422' })).rows).toEqual([]);
  });

  it('a county lists a person, records the arrival (linked to the registry when the person is in post there) and an early departure', async () => {
    const county = await as('hengnan');
    const city = await as('teachers');
    await city.teachers.programmes.saveQuota({ unitCode: '430422', year: YEAR, programme: 'funded', planned: 2, expectedVersion: 0 });
    const idNumber = id('43042220000101002');
    const added = await county.teachers.programmes.addPerson({
      programme: 'funded',
      year: YEAR,
      schoolId: hengnanSchool,
      name: '赵公费',
      idNumber,
    });
    expect(
      await failure(
        county.teachers.programmes.addPerson({ programme: 'funded', year: YEAR, schoolId: hengnanSchool, name: '赵公费', idNumber }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '该人员已在公费师范生名单中' });
    // The person is hired through the registry (its entry gate) at the school: the arrival links to the staff row.
    const idIndex = blindIndex(database.keys.indexKey, idNumber);
    const [staff] = await database.db
      .insert(st)
      .values({
        schoolId: hengnanSchool,
        unitCode: '430422',
        name: '赵公费',
        idIndex,
        idCipher: 'v1.x.x.x',
        birthDate: '2000-01-01',
        sex: 'female',
        status: 'tenured',
        post: 'teacher',
        joinedOn: '2023-09-01',
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: st.id });
    // Not before the plan year, not in the future.
    expect(await failure(county.teachers.programmes.arrive({ id: added.id, expectedVersion: 1, arrivedOn: '2022-09-01' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '到岗日期不能早于计划年度2023年',
    });
    // Leiyang does not see it: the same NOT_FOUND as a missing record.
    const leiyang = await as('leiyang');
    const foreign = await failure(leiyang.teachers.programmes.arrive({ id: added.id, expectedVersion: 1, arrivedOn: '2022-09-01' }));
    const missing = await failure(leiyang.teachers.programmes.arrive({ id: 999_999_999, expectedVersion: 1, arrivedOn: '2022-09-01' }));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign!.message).toBe(missing!.message);

    // The business date moves on to 2023-10: arrival on 2023-09-01, 6 years' obligation.
    const later = await callerAs(database, 'hengnan', { asOf: '2023-10-30' });
    const arrived = await later.teachers.programmes.arrive({ id: added.id, expectedVersion: 1, arrivedOn: '2023-09-01' });
    expect(arrived).toMatchObject({ version: 2, obligationEndsOn: '2029-09-01', inRegistry: true });
    const [row] = await database.db.select().from(p).where(eq(p.id, added.id));
    expect(row).toMatchObject({ status: 'arrived', staffId: staff!.id, serviceStartOn: '2023-09-01' });
    expect(row!.idCipher).not.toContain('20000101');
    expect(await failure(later.teachers.programmes.arrive({ id: added.id, expectedVersion: 1, arrivedOn: '2023-09-01' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '该人员已登记到岗或离岗，不能重复登记到岗',
    });
    const list = await later.teachers.programmes.persons({ page: 1, pageSize: 20, year: YEAR, q: '赵公费' });
    expect(list.rows).toEqual([
      expect.objectContaining({ id: added.id, standing: 'serving', idNumber: `4304**********${idNumber.slice(-4)}`, staffId: staff!.id }),
    ]);
    // Early departure: a reason of 2+ characters, a stale version is a CONFLICT.
    expect(
      await failure(later.teachers.programmes.depart({ id: added.id, expectedVersion: 2, leftOn: '2023-10-01', leftReason: '走' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('离岗原因至少2个字'),
    });
    expect(
      await failure(later.teachers.programmes.depart({ id: added.id, expectedVersion: 1, leftOn: '2023-10-01', leftReason: '考取公务员' })),
    ).toMatchObject({ code: 'CONFLICT' });
    await later.teachers.programmes.depart({ id: added.id, expectedVersion: 2, leftOn: '2023-10-01', leftReason: '考取公务员' });
    const after = await later.teachers.programmes.persons({ page: 1, pageSize: 20, year: YEAR, status: 'left', q: '赵公费' });
    expect(after.rows[0]).toMatchObject({ standing: 'breach', leftReason: '考取公务员' });
    const summary = await later.teachers.programmes.summary({ year: YEAR });
    expect(summary.rows[0]!.programmes.find((x) => x.programme === 'funded')).toMatchObject({ arrived: 1 });
    expect(summary.rows[0]!.breaches).toBeGreaterThanOrEqual(1);
    const audits = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(eq(auditLog.targetType, 'teacher_programme_person'), eq(auditLog.targetId, String(added.id)), ne(auditLog.result, 'denied')),
      );
    expect(audits.map((a) => a.action).sort()).toEqual([
      'teachers.programmes.addPerson',
      'teachers.programmes.arrive',
      'teachers.programmes.depart',
    ]);
  });

  it('an arrival of someone not in the registry only records the programme person; a school cannot record; the list keeps to the plan', async () => {
    const county = await as('hengnan');
    const person = { programme: 'silver' as const, year: YEAR, schoolId: hengnanSchool, name: '钱银龄', idNumber: id('43042219600202003') };
    expect(await failure(county.teachers.programmes.addPerson(person))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '2023年未下达银龄讲学计划计划人数',
    });
    await (
      await as('teachers')
    ).teachers.programmes.saveQuota({ unitCode: '430422', year: YEAR, programme: 'silver', planned: 1, expectedVersion: 0 });
    const added = await county.teachers.programmes.addPerson(person);
    expect(
      await failure(county.teachers.programmes.addPerson({ ...person, name: '李银龄', idNumber: id('43042219600303003') })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: '2023年银龄讲学计划名单已达到计划人数（1人）',
    });
    const later = await callerAs(database, 'hengnan', { asOf: '2023-10-30' });
    const arrived = await later.teachers.programmes.arrive({ id: added.id, expectedVersion: 1, arrivedOn: '2023-09-01' });
    expect(arrived).toMatchObject({ obligationEndsOn: '2024-09-01', inRegistry: false });
    expect(await database.db.select().from(st).where(eq(st.name, '钱银龄'))).toEqual([]);
    const school = await as('xiaoxue');
    expect(await failure(school.teachers.programmes.arrive({ id: added.id, expectedVersion: 2, arrivedOn: '2023-09-01' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Another county's school is the same NOT_FOUND as a missing one.
    const foreign = await failure(
      county.teachers.programmes.addPerson({ ...person, schoolId: leiyangSchool, name: '孙某', idNumber: id('43048119990202003') }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    // Programme teachers go to 中小学, not to a kindergarten.
    const [kindergarten] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.level, 'kindergarten')))
      .limit(1);
    expect(
      await failure(county.teachers.programmes.addPerson({ ...person, schoolId: kindergarten!.id, idNumber: id('43042219600404003') })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '教师补充计划人员只分配到中小学' });
  });

  it('the KPI counts the seeded 2022 arrivals against the 2022 quotas: three counties short', async () => {
    const byUnit = await programmeArrival.byUnit(database.db, { kind: 'all' }, AS_OF);
    const rate = (u: string) => byUnit.get(u)!.num / byUnit.get(u)!.den!;
    for (const u of ['430421', '430426', '430482']) expect(rate(u)).toBeLessThan(1);
    expect(rate('430422')).toBe(1);
    const county = await programmeArrival.byUnit(database.db, { kind: 'units', unitCodes: ['430422'] }, AS_OF);
    expect([...county.keys()]).toEqual(['430422']);
  });

  it('the city sets the 定向县, then may plan 优师计划 there', async () => {
    const city = await as('teachers');
    const s = await city.teachers.programmes.settings();
    expect(s.canEdit).toBe(true);
    expect(
      await failure((await as('hengnan')).teachers.programmes.saveTargeted({ counties: ['430426'], expectedVersion: s.version })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(city.teachers.programmes.saveTargeted({ counties: ['430499'], expectedVersion: s.version }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '没有这个县市区：430499',
    });
    await city.teachers.programmes.saveTargeted({ counties: ['430426'], expectedVersion: s.version });
    expect(
      await city.teachers.programmes.saveQuota({ unitCode: '430426', year: YEAR, programme: 'excellent', planned: 3, expectedVersion: 0 }),
    ).toEqual({ version: 1 });
    expect(await failure(city.teachers.programmes.saveTargeted({ counties: [], expectedVersion: s.version }))).toMatchObject({
      code: 'CONFLICT',
    });
    // 祁东 now has an 优师计划 number: it stays a 定向县.
    const now = await city.teachers.programmes.settings();
    expect(await failure(city.teachers.programmes.saveTargeted({ counties: [], expectedVersion: now.version }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '祁东县已有优师计划的计划人数或人员，不能取消定向县',
    });
  });
});
