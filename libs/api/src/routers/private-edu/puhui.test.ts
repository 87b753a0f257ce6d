import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, privatePuhuiRecognitions: pr, schoolCensus, schoolEnrolment } = tables;

describe.each(testEngines())('普惠性民办园认定 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  /** The county with the most private kindergartens in the test registry, and those kindergartens (their demo cases removed). */
  let county = '';
  let kindergartens: number[] = [];
  let minbanSchool = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const all = await database.db
      .select({ id: schools.id, unitCode: schools.unitCode })
      .from(schools)
      .where(and(eq(schools.ownership, 'private'), eq(schools.level, 'kindergarten'), ne(schools.unitCode, '430400')))
      .orderBy(asc(schools.code));
    const per = new Map<string, number>();
    for (const k of all) per.set(k.unitCode, (per.get(k.unitCode) ?? 0) + 1);
    county = [...per].sort((a, b) => b[1] - a[1])[0]![0];
    kindergartens = all.filter((k) => k.unitCode === county).map((k) => k.id);
    await database.db.delete(pr).where(eq(pr.unitCode, county));
    // Accounts for that county and one of its private kindergartens, copied from the demo's 衡南县 and minban accounts.
    const [minban] = await database.db.select().from(accounts).where(eq(accounts.username, 'minban'));
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    minbanSchool = (minban!.grants as { schoolId: number }[])[0]!.schoolId;
    const { id: _m, ...school } = minban!;
    const { id: _h, ...bureau } = hengnan!;
    await database.db.insert(accounts).values([
      { ...school, username: 'youer', grants: [{ role: 'school', schoolId: kindergartens[0]!, unitCode: county }] },
      { ...bureau, username: 'xian', grants: [{ role: 'county', unitCode: county, modules: ['private-edu'] }] },
    ]);
    for (const u of ['youer', 'xian', 'minban', 'hengnan', 'privedu', 'leader']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('the kindergarten applies; the county returns, recognises with amounts and revokes with a reason and date — each step audited', async () => {
    const [youer, hengnan] = await Promise.all([as('youer'), as('xian')]);
    const schoolId = kindergartens[0]!;
    expect((await youer.privateEdu.puhui.schools({})).map((s) => s.id)).toEqual([schoolId]);
    const { id } = await youer.privateEdu.puhui.create({ schoolId, feeAsked: 95_000, note: '申请认定为普惠性民办园' });
    expect(await failure(youer.privateEdu.puhui.create({ schoolId, feeAsked: 95_000 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '该园已有办理中或有效的普惠性民办园认定',
    });
    expect(await youer.privateEdu.puhui.byId({ id })).toMatchObject({ status: 'draft', feeAsked: 95_000, allowed: ['submit'] });
    const inbox = async (caller: typeof youer) => (await caller.inbox.list()).find((g) => g.kind === 'puhui')?.items.map((i) => i.id) ?? [];
    expect(await inbox(youer)).toContain(id);
    await youer.privateEdu.puhui.step({ id, expectedVersion: 1, action: 'submit' });
    expect(await inbox(hengnan)).toContain(id);
    expect(await inbox(youer)).not.toContain(id);
    expect((await hengnan.privateEdu.puhui.byId({ id })).allowed).toEqual(['return', 'recognise', 'refuse']);
    expect(await failure(hengnan.privateEdu.puhui.step({ id, expectedVersion: 2, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await hengnan.privateEdu.puhui.step({ id, expectedVersion: 2, action: 'return', reason: '缺少收费公示材料' });
    await youer.privateEdu.puhui.step({ id, expectedVersion: 3, action: 'submit' });
    // A stale view is refused.
    expect(
      await failure(
        hengnan.privateEdu.puhui.recognise({ id, expectedVersion: 3, feeCap: 90_000, subsidy: 50_000, validFrom: '2022-11-01' }),
      ),
    ).toEqual(CONFLICT);
    expect(
      await failure(hengnan.privateEdu.puhui.recognise({ id, expectedVersion: 4, feeCap: 900.5, validFrom: '2022-11-01' })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('收费上限应以分计的整数') });
    await hengnan.privateEdu.puhui.recognise({ id, expectedVersion: 4, feeCap: 90_000, subsidy: 50_000, validFrom: '2022-11-01' });
    expect(await youer.privateEdu.puhui.byId({ id })).toMatchObject({
      status: 'recognised',
      feeCap: 90_000,
      subsidy: 50_000,
      validFrom: '2022-11-01',
      allowed: [],
    });
    expect(await failure(hengnan.privateEdu.puhui.step({ id, expectedVersion: 5, action: 'revoke', reason: '超标准收费' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写撤销日期',
    });
    expect(
      await failure(
        hengnan.privateEdu.puhui.step({ id, expectedVersion: 5, action: 'revoke', reason: '超标准收费', revokedOn: '2022-10-01' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '撤销日期不能早于认定生效日期' });
    await hengnan.privateEdu.puhui.step({ id, expectedVersion: 5, action: 'revoke', reason: '超标准收费', revokedOn: '2022-11-20' });
    expect(await hengnan.privateEdu.puhui.byId({ id })).toMatchObject({
      status: 'revoked',
      revokedOn: '2022-11-20',
      revocationReason: '超标准收费',
    });
    expect((await hengnan.privateEdu.puhui.history({ id })).map((e) => e.action)).toEqual([
      'privateEdu.puhui.create',
      'privateEdu.puhui.submit',
      'privateEdu.puhui.return',
      'privateEdu.puhui.submit',
      'privateEdu.puhui.recognise',
      'privateEdu.puhui.revoke',
    ]);
    expect((await hengnan.privateEdu.puhui.list({ page: 1, pageSize: 20, status: 'revoked' })).rows.map((r) => r.id)).toContain(id);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('the county refuses with a reason; defaults fill the amounts a recognition leaves out', async () => {
    const hengnan = await as('xian');
    const a = kindergartens[0]!;
    const b = a;
    const ids = await database.db
      .insert(pr)
      .values(
        [a, b].map((schoolId) => ({
          schoolId,
          unitCode: county,
          feeAsked: 70_000,
          status: 'submitted' as const,
          createdBy: 'test',
          submittedBy: 'test',
          createdAt: new Date(),
        })),
      )
      .returning({ id: pr.id });
    await hengnan.privateEdu.puhui.step({ id: ids[0]!.id, expectedVersion: 1, action: 'refuse', reason: '师资条件不符' });
    expect(await hengnan.privateEdu.puhui.byId({ id: ids[0]!.id })).toMatchObject({ status: 'refused', refusalReason: '师资条件不符' });
    await hengnan.privateEdu.puhui.recognise({ id: ids[1]!.id, expectedVersion: 1, validFrom: '2022-11-15' });
    const row = await hengnan.privateEdu.puhui.byId({ id: ids[1]!.id });
    expect(row).toMatchObject({ status: 'recognised', feeCap: row.defaults.feeCap, subsidy: row.defaults.subsidy });
  });

  it('refuses in Chinese: a school that is not a kindergarten, a bureau applying; another county cannot see it, the city cannot decide', async () => {
    const [minban, hengnan, privedu, youer, xian] = await Promise.all([
      as('minban'),
      as('hengnan'),
      as('privedu'),
      as('youer'),
      as('xian'),
    ]);
    // A submitted case of a kindergarten of that county, for a foreign county (衡南县, unless it is that county).
    const [other] = (await database.db
      .insert(pr)
      .values({
        schoolId: kindergartens[0]!,
        unitCode: county,
        feeAsked: 80_000,
        status: 'submitted',
        createdBy: 'test',
        submittedBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: pr.id, version: pr.version })) as [{ id: number; version: number }];
    expect(await failure(minban.privateEdu.puhui.create({ schoolId: minbanSchool, feeAsked: 80_000 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '只有幼儿园可以申请普惠性民办园认定',
    });
    expect(await failure(xian.privateEdu.puhui.create({ schoolId: kindergartens[0]!, feeAsked: 80_000 }))).toEqual({
      code: 'FORBIDDEN',
      message: '普惠性民办园认定由幼儿园申请',
    });
    expect(await failure(youer.privateEdu.puhui.create({ schoolId: minbanSchool, feeAsked: 80_000 }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // A case of another county's kindergarten does not exist for 衡南县; the city reads it but does not decide it.
    expect(await failure(hengnan.privateEdu.puhui.byId({ id: other.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await failure(hengnan.privateEdu.puhui.step({ id: other.id, expectedVersion: other.version, action: 'refuse', reason: '越权' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await privedu.privateEdu.puhui.byId({ id: other.id })).allowed).toEqual([]);
    expect(
      await failure(privedu.privateEdu.puhui.step({ id: other.id, expectedVersion: other.version, action: 'refuse', reason: '越级' })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '该校由县市区教育局审批，普惠性民办园认定由县市区教育局办理',
    });
  });

  it('普惠覆盖率 per county equals (public + 普惠 private) ÷ all 在园 children of the latest census, counted from the raw rows', async () => {
    const leader = await as('leader');
    const [latest] = await database.db.select({ y: schoolCensus.schoolYear }).from(schoolCensus).orderBy(schoolCensus.schoolYear);
    const years = await database.db.selectDistinct({ y: schoolCensus.schoolYear }).from(schoolCensus);
    const year = years
      .map((r) => r.y)
      .sort()
      .at(-1)!;
    expect(latest).toBeDefined();
    const census = await database.db
      .select({ id: schoolCensus.schoolId, ownership: schoolCensus.ownership, unitCode: schools.unitCode })
      .from(schoolCensus)
      .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
      .where(eq(schoolCensus.schoolYear, year));
    const enrolment = await database.db
      .select({ id: schoolEnrolment.schoolId, grade: schoolEnrolment.grade, n: schoolEnrolment.students })
      .from(schoolEnrolment)
      .where(eq(schoolEnrolment.schoolYear, year));
    const cases = await database.db.select().from(pr);
    const day = `${year.slice(0, 4)}-09-01`;
    const puhui = new Set(
      cases
        .filter((c) => (c.status === 'recognised' || (c.status === 'revoked' && c.revokedOn! > day)) && c.validFrom! <= day)
        .map((c) => c.schoolId),
    );
    const ofSchool = new Map(census.filter((c) => c.unitCode === county).map((c) => [c.id, c.ownership]));
    let num = 0;
    let den = 0;
    for (const e of enrolment) {
      const ownership = ofSchool.get(e.id);
      if (!ownership || !e.grade.startsWith('K')) continue;
      den += e.n;
      if (ownership === 'public' || puhui.has(e.id)) num += e.n;
    }
    expect(den).toBeGreaterThan(0);
    expect(num).toBeLessThan(den);
    const unit = (await leader.dashboard.kpi({ kpiId: 'private.puhui-coverage' })).units.find((u) => u.code === county)!;
    expect(unit).toMatchObject({ num, den });
  });
});
