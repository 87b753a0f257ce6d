import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const OWN = '430422';
const OTHER = '430481';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { privatePreschoolPopulations: pop, schoolCensus, schoolEnrolment, schools, auditLog } = tables;

describe.each(testEngines())('学前人口 and 毛入园率 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let year = '';
  /** 在园 children (K1–K3, every ownership) of a unit in the latest census, counted from the raw rows. */
  const children = async (unitCode: string) => {
    const rows = await database.db
      .select({ n: schoolEnrolment.students })
      .from(schoolEnrolment)
      .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
      .innerJoin(schoolCensus, and(eq(schoolCensus.schoolId, schools.id), eq(schoolCensus.schoolYear, schoolEnrolment.schoolYear)))
      .where(and(eq(schools.unitCode, unitCode), eq(schoolEnrolment.schoolYear, year), like(schoolEnrolment.grade, 'K%')));
    return rows.reduce((a, r) => a + r.n, 0);
  };
  const stored = async (unitCode: string) =>
    (
      await database.db
        .select()
        .from(pop)
        .where(and(eq(pop.unitCode, unitCode), eq(pop.schoolYear, year)))
    )[0];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    year = (await database.db.selectDistinct({ y: schoolCensus.schoolYear }).from(schoolCensus))
      .map((r) => r.y)
      .sort()
      .at(-1)!;
    for (const u of ['hengnan', 'privedu', 'minban', 'leader']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('a county sees and corrects its own population, with the rate beside it; each save audited and versioned', async () => {
    const hengnan = await as('hengnan');
    const list = await hengnan.privateEdu.preschool.list({ page: 1, pageSize: 20 });
    expect(list.schoolYear).toBe(year);
    expect(list.city).toBeNull();
    expect(list.rows.map((r) => r.unitCode)).toEqual([OWN]);
    const row = list.rows[0]!;
    const before = (await stored(OWN))!;
    expect(row).toMatchObject({ population: before.population, version: before.version, canEdit: true, children: await children(OWN) });
    expect(row.rate).toBeCloseTo(row.children / before.population, 10);

    const { version } = await hengnan.privateEdu.preschool.save({
      unitCode: OWN,
      schoolYear: year,
      population: 20_000,
      expectedVersion: before.version,
    });
    expect(version).toBe(before.version + 1);
    expect(await stored(OWN)).toMatchObject({ population: 20_000, updatedBy: 'hengnan', version });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privateEdu.preschool.save'), eq(auditLog.targetId, `${OWN}:${year}`)));
    expect(audit).toMatchObject({ actor: 'hengnan', before: { population: before.population }, after: { population: 20_000 } });

    // A stale form is refused, and of two saves from the same version only one is taken.
    expect(
      await failure(
        hengnan.privateEdu.preschool.save({ unitCode: OWN, schoolYear: year, population: 19_000, expectedVersion: before.version }),
      ),
    ).toEqual(CONFLICT);
    const both = await Promise.allSettled(
      [21_000, 22_000].map((population) =>
        hengnan.privateEdu.preschool.save({ unitCode: OWN, schoolYear: year, population, expectedVersion: version }),
      ),
    );
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await stored(OWN))!.version).toBe(version + 1);
  });

  it('a county cannot write another county, a school cannot write at all; nothing is changed', async () => {
    const [hengnan, minban] = await Promise.all([as('hengnan'), as('minban')]);
    const other = (await stored(OTHER))!;
    expect(
      await failure(
        hengnan.privateEdu.preschool.save({ unitCode: OTHER, schoolYear: year, population: 1_000, expectedVersion: other.version }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: '只能填报本县市区的学前人口' });
    expect(
      await failure(minban.privateEdu.preschool.save({ unitCode: OWN, schoolYear: year, population: 1_000, expectedVersion: 0 })),
    ).toMatchObject({ code: 'FORBIDDEN', message: '学前人口由县市区教育局填报' });
    expect(await stored(OTHER)).toEqual(other);
    expect((await minban.privateEdu.preschool.list({ page: 1, pageSize: 20 })).rows.every((r) => !r.canEdit)).toBe(true);
  });

  it('bad input is refused field by field in Chinese', async () => {
    const hengnan = await as('hengnan');
    const save = (population: unknown, schoolYear = year) =>
      failure(hengnan.privateEdu.preschool.save({ unitCode: OWN, schoolYear, population: population as number, expectedVersion: 0 }));
    expect(await save(0)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('3至5周岁常住人口数应大于0') });
    expect(await save(1.5)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('3至5周岁常住人口数应为整数') });
    expect(await save(300_001)).toMatchObject({ message: expect.stringContaining('3至5周岁常住人口数不能超过300000') });
    expect(await save(1_000, '2022-2024')).toMatchObject({ message: expect.stringContaining('学年的后一年应比前一年大1') });
    const city = await as('privedu');
    expect(
      await failure(city.privateEdu.preschool.save({ unitCode: '430400', schoolYear: year, population: 1_000, expectedVersion: 0 })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('没有这个县市区') });
  });

  it('the city enters any county; the KPI counts children over population, shows no figure without one and does not cap above 100%', async () => {
    const [city, leader] = await Promise.all([as('privedu'), as('leader')]);
    const other = (await stored(OTHER))!;
    const kids = await children(OTHER);
    expect(kids).toBeGreaterThan(10);
    const small = Math.floor(kids / 2);
    await city.privateEdu.preschool.save({ unitCode: OTHER, schoolYear: year, population: small, expectedVersion: other.version });
    let kpi = await leader.dashboard.kpi({ kpiId: 'private.preschool-gross-enrolment' });
    expect(kpi.units.find((u) => u.code === OTHER)).toMatchObject({ num: kids, den: small, value: kids / small });
    expect(kpi.units.find((u) => u.code === OTHER)!.value!).toBeGreaterThan(1);
    const listed = await city.privateEdu.preschool.list({ page: 1, pageSize: 20, schoolYear: year });
    expect(listed.rows.length).toBe(13);
    expect(listed.city!.rate).toBeCloseTo(kpi.total.value!, 10);

    // Without a population the county has no figure and leaves the city's.
    const withIt = kpi.total;
    await database.db.delete(pop).where(and(eq(pop.unitCode, OTHER), eq(pop.schoolYear, year)));
    await city.privateEdu.preschool.save({
      unitCode: OWN,
      schoolYear: year,
      population: (await stored(OWN))!.population,
      expectedVersion: (await stored(OWN))!.version,
    });
    kpi = await leader.dashboard.kpi({ kpiId: 'private.preschool-gross-enrolment' });
    expect(kpi.units.find((u) => u.code === OTHER)).toMatchObject({ value: null, status: 'no_data' });
    expect(kpi.total).toMatchObject({ num: withIt.num! - kids, den: withIt.den! - small });
    const row = (await city.privateEdu.preschool.list({ page: 1, pageSize: 20 })).rows.find((r) => r.unitCode === OTHER)!;
    expect(row).toMatchObject({ population: null, rate: null, meets: null, version: 0 });
    // Entered again from nothing (version 0).
    await city.privateEdu.preschool.save({ unitCode: OTHER, schoolYear: year, population: other.population, expectedVersion: 0 });
    expect(await stored(OTHER)).toMatchObject({ population: other.population, version: 1, updatedBy: 'privedu' });
  });
});
