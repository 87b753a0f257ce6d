import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

describe.each(testEngines())('民办教育设置 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['privedu', 'hengnan']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('counts bought seats as public by default; counting them as private raises the census share, and the dashboard follows', async () => {
    const city = await as('privedu');
    const before = await city.privateEdu.overview();
    const kpi = async () => (await city.dashboard.kpi({ kpiId: 'private.compulsory-share' })).total.value;
    expect(await kpi()).toBeCloseTo(before.city!.share!, 10);
    expect(await city.privateEdu.settings.get()).toMatchObject({ rule: 'public', version: 0, canConfigure: true });
    await city.privateEdu.settings.saveRule({ rule: 'private', expectedVersion: 0 });
    const after = await city.privateEdu.overview();
    expect(after.rule).toBe('private');
    expect(after.city!.totalStudents).toBe(before.city!.totalStudents);
    expect(after.city!.privateStudents).toBeGreaterThan(before.city!.privateStudents);
    expect(await kpi()).toBeCloseTo(after.city!.share!, 10);
    expect(await failure(city.privateEdu.settings.saveRule({ rule: 'public', expectedVersion: 0 }))).toMatchObject({ code: 'CONFLICT' });
    await city.privateEdu.settings.saveRule({ rule: 'public', expectedVersion: 1 });
  });

  it('lets the city set a county’s target cut, which the ledger shows; a county may not', async () => {
    const city = await as('privedu');
    await city.privateEdu.settings.saveTarget({ unitCode: '430422', schoolYear: '2022-2023', targetCut: 12_345 });
    const ledger = await city.privateEdu.levers.ledger();
    expect(ledger.units.find((u) => u.code === '430422')!.censuses.find((c) => c.year === '2022-2023')!.target).toBe(12_345);
    const county = await as('hengnan');
    expect((await county.privateEdu.settings.get()).canConfigure).toBe(false);
    expect(await failure(county.privateEdu.settings.saveTarget({ unitCode: '430422', schoolYear: '2022-2023', targetCut: 1 }))).toEqual({
      code: 'FORBIDDEN',
      message: '只有市教育局民办教育科可以设置调减目标',
    });
    expect(
      await failure(city.privateEdu.settings.saveTarget({ unitCode: '430422', schoolYear: '2022-2023', targetCut: -1 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('目标调减人数不能为负数'),
    });
  });

  it('lets the city choose the 年检 grade scale: later conclusions use it, a county may not change it', async () => {
    const city = await as('privedu');
    const county = await as('hengnan');
    const { privateInspections: i } = tables;
    // A 衡南县 inspection back at 复审, its 联审 answered (set up directly: the demo has few at 复审, maybe none here).
    const [row] = await database.db
      .update(i)
      .set({ status: 'rechecking', grade: null, enrolmentStoppedYear: null, publishedOn: null })
      .where(
        eq(
          i.id,
          database.db
            .select({ id: i.id })
            .from(i)
            .where(and(eq(i.unitCode, '430422'), eq(i.authority, 'county'), eq(i.status, 'published')))
            .limit(1),
        ),
      )
      .returning({ id: i.id, version: i.version });
    expect(await failure(county.privateEdu.settings.saveGradeScale({ scale: 'pass_defer_fail', expectedVersion: 0 }))).toEqual({
      code: 'FORBIDDEN',
      message: '只有市教育局民办教育科可以设置年检等次',
    });
    const { version, gradeScale } = await city.privateEdu.settings.get();
    expect(gradeScale).toBe('standard');
    await city.privateEdu.settings.saveGradeScale({ scale: 'pass_defer_fail', expectedVersion: version });
    expect((await county.privateEdu.inspections.byId({ id: row!.id })).grades.map((g) => g.key)).toEqual(['pass', 'deferred', 'fail']);
    const conclude = (grade: string) => county.privateEdu.inspections.conclude({ id: row!.id, expectedVersion: row!.version, grade });
    expect(await failure(conclude('excellent'))).toEqual({ code: 'BAD_REQUEST', message: '年检结论应为：合格、暂缓通过、不合格' });
    await conclude('deferred');
    expect(await county.privateEdu.inspections.byId({ id: row!.id })).toMatchObject({
      status: 'concluded',
      grade: 'deferred',
      enrolmentStoppedYear: null,
    });
    // The rule set earlier stays as it was.
    expect(await city.privateEdu.settings.get()).toMatchObject({ rule: 'public', gradeScale: 'pass_defer_fail', version: version + 1 });
    await city.privateEdu.settings.saveGradeScale({ scale: 'standard', expectedVersion: version + 1 });
  });
});
