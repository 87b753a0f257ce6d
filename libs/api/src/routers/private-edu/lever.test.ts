import { and, eq, inArray, isNotNull, notExists } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const { schools, privateLevers } = tables;

describe.each(testEngines())('调减台账 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  /** A private compulsory school of 衡南县 without any lever yet. */
  let schoolId = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['privedu', 'hengnan', 'leiyang']) cookies.set(u, await signIn(database, u));
    const [school] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(
        and(
          eq(schools.unitCode, '430422'),
          eq(schools.ownership, 'private'),
          inArray(schools.level, ['primary', 'junior', 'nine_year']),
          notExists(database.db.select().from(privateLevers).where(eq(privateLevers.schoolId, schools.id))),
        ),
      )
      .limit(1);
    schoolId = school!.id;
  }, 120_000);
  afterAll(() => database?.close());

  it('plans a lever, projects the county’s share with it, and completes it with its date — each step audited', async () => {
    const hengnan = await as('hengnan');
    const before = (await hengnan.privateEdu.levers.ledger()).units.find((u) => u.code === '430422')!;
    const { id } = await hengnan.privateEdu.levers.create({ schoolId, kind: 'reduce_plan', plannedYear: '2023-2024', students: 120 });
    const after = (await hengnan.privateEdu.levers.ledger()).units.find((u) => u.code === '430422')!;
    expect(after.planned).toBe(before.planned + 1);
    expect(after.projectedShare!).toBeCloseTo(before.projectedShare! - 120 / after.censuses.at(-1)!.totalStudents, 10);
    expect(await hengnan.privateEdu.levers.byId({ id })).toMatchObject({ status: 'planned', allowed: ['complete'], corrections: ['drop'] });
    expect(await failure(hengnan.privateEdu.levers.step({ id, expectedVersion: 1, action: 'complete' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写完成日期'),
    });
    await hengnan.privateEdu.levers.step({ id, expectedVersion: 1, action: 'complete', doneOn: '2022-08-20' });
    expect(await hengnan.privateEdu.levers.byId({ id })).toMatchObject({ status: 'done', doneOn: '2022-08-20', allowed: [] });
    const history = await hengnan.privateEdu.levers.history({ id });
    expect(history.map((e) => e.action)).toEqual(['privateEdu.lever.create', 'privateEdu.lever.complete']);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('is dropped only with a reason, and one of two concurrent steps wins', async () => {
    const city = await as('privedu');
    const { id } = await city.privateEdu.levers.create({ schoolId, kind: 'to_non_compulsory', plannedYear: '2023-2024' });
    expect(await failure(city.privateEdu.levers.step({ id, expectedVersion: 1, action: 'drop' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写取消原因',
    });
    const results = await Promise.allSettled([
      city.privateEdu.levers.step({ id, expectedVersion: 1, action: 'drop', reason: '学校申请撤回转设' }),
      city.privateEdu.levers.step({ id, expectedVersion: 1, action: 'complete', doneOn: '2022-07-01' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await failure(Promise.reject(results.find((r) => r.status === 'rejected')!.reason))).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses in Chinese: no pupils for a partial lever, a public school, a future date, a case’s own lever', async () => {
    const hengnan = await as('hengnan');
    expect(await failure(hengnan.privateEdu.levers.create({ schoolId, kind: 'purchase', plannedYear: '2023-2024' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('“政府购买学位”请填写影响的在校生数'),
    });
    const [pub] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.level, 'primary')))
      .limit(1);
    expect(await failure(hengnan.privateEdu.levers.create({ schoolId: pub!.id, kind: 'to_public', plannedYear: '2023-2024' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '调减措施只适用于实施义务教育的民办学校',
    });
    const { id } = await hengnan.privateEdu.levers.create({ schoolId, kind: 'terminate', plannedYear: '2024-2025' });
    expect(await failure(hengnan.privateEdu.levers.step({ id, expectedVersion: 1, action: 'complete', doneOn: '2099-01-01' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '完成日期不能晚于今天',
    });
    const [fromCase] = await database.db
      .select({ id: privateLevers.id, version: privateLevers.version })
      .from(privateLevers)
      .where(and(eq(privateLevers.unitCode, '430422'), isNotNull(privateLevers.conversionId), eq(privateLevers.status, 'planned')))
      .limit(1);
    if (fromCase)
      expect(
        await failure(
          hengnan.privateEdu.levers.step({ id: fromCase.id, expectedVersion: fromCase.version, action: 'complete', doneOn: '2022-06-01' }),
        ),
      ).toEqual({ code: 'CONFLICT', message: '该措施由公参民治理案维护，请在治理案中办理' });
  });

  it('shows a county its own levers only; a county without the module is refused', async () => {
    const city = await as('privedu');
    const [other] = await database.db
      .select({ id: privateLevers.id })
      .from(privateLevers)
      .where(eq(privateLevers.unitCode, '430481'))
      .limit(1);
    expect(await failure((await as('hengnan')).privateEdu.levers.byId({ id: other!.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await city.privateEdu.levers.byId({ id: other!.id })).unitCode).toBe('430481');
    const list = await (await as('hengnan')).privateEdu.levers.list({ page: 1, pageSize: 100 });
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.unitName === '衡南县')).toBe(true);
    expect(await failure((await as('leiyang')).privateEdu.levers.ledger())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the ledger: each county’s cut since 2020 against its targets, the census share and the projection', async () => {
    const ledger = await (await as('privedu')).privateEdu.levers.ledger();
    expect(ledger.baseline).toBe('2020-2021');
    expect(ledger.years).toEqual(['2020-2021', '2021-2022', '2022-2023']);
    const hengnan = ledger.units.find((u) => u.code === '430422')!;
    expect(hengnan.censuses[0]!.cut).toBe(0);
    expect(hengnan.censuses.at(-1)!.cut).toBeGreaterThan(0);
    expect(hengnan.censuses.at(-1)!.target).toBe(hengnan.requiredCut);
    expect(hengnan.projectedShare!).toBeLessThanOrEqual(hengnan.censuses.at(-1)!.share!);
    expect(ledger.levers.every((l) => l.effect >= 0 && l.schoolName.length > 0)).toBe(true);
  });
});
