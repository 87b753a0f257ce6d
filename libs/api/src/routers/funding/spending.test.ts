import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';
import { twoNoDecreaseKpi } from './spending-kpi.ts';

const AS_OF = '2022-11-30';
const HENGNAN = '430422';
const LEIYANG = '430481';
const QIDONG = '430426';
const CITY = '430400';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { accounts, auditLog, fundingSpendingReturns: r } = tables;
const 亿 = 10_000_000_000; // fen

describe.each(testEngines())('教育经费决算填报 and “两个只增不减” on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  const returnOf = async (unitCode: string, fiscalYear: number) =>
    (
      await database.db
        .select()
        .from(r)
        .where(and(eq(r.unitCode, unitCode), eq(r.fiscalYear, fiscalYear)))
    )[0]!;
  const actions = async (id: number) =>
    (
      await database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'funding_spending_return'), eq(auditLog.targetId, String(id)), eq(auditLog.result, 'ok')))
        .orderBy(asc(auditLog.id))
    ).map((a) => a.action);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    // A second account of the city's 科室 (four eyes) and a county account of 耒阳市 with the funding module.
    const [funding] = await database.db.select().from(accounts).where(eq(accounts.username, 'funding'));
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    const { id: _f, ...city } = funding!;
    const { id: _h, ...county } = hengnan!;
    await database.db.insert(accounts).values([
      { ...city, username: 'caiwu2' },
      { ...county, username: 'leifund', grants: [{ role: 'county', unitCode: LEIYANG, modules: ['funding'] }] },
    ]);
    for (const u of ['funding', 'caiwu2', 'hengnan', 'leifund', 'leader']) cookies.set(u, await signIn(database, u));
  }, 180_000);
  afterAll(() => database?.close());

  it('the county enters and submits; the city returns with a reason, the county corrects, the city accepts — audited', async () => {
    const [hengnan, funding] = await Promise.all([as('hengnan'), as('funding')]);
    const { id, version } = await hengnan.funding.spending.create({ unitCode: HENGNAN, fiscalYear: 2022, budgetSpending: 20 * 亿 });
    expect(version).toBe(1);
    expect(await failure(hengnan.funding.spending.create({ unitCode: HENGNAN, fiscalYear: 2022, budgetSpending: 20 * 亿 }))).toEqual({
      code: 'BAD_REQUEST',
      message: '衡南县2022年决算已填报，请在原填报中修改',
    });
    expect(await hengnan.funding.spending.byId({ id })).toMatchObject({ status: 'draft', allowed: ['submit'], canEdit: true });
    const inbox = async (caller: typeof hengnan) =>
      (await caller.inbox.list()).find((g) => g.kind === 'spending')?.items.map((i) => i.id) ?? [];
    expect(await inbox(hengnan)).toContain(id);
    await hengnan.funding.spending.step({ id, expectedVersion: 1, action: 'submit' });
    expect(await inbox(funding)).toContain(id);
    expect(await inbox(hengnan)).not.toContain(id);
    expect((await funding.funding.spending.byId({ id })).allowed).toEqual(['accept', 'return']);
    // 退回 needs a reason.
    expect(await failure(funding.funding.spending.step({ id, expectedVersion: 2, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await funding.funding.spending.step({ id, expectedVersion: 2, action: 'return', reason: '分学段支出与决算报表不一致' });
    expect(await hengnan.funding.spending.byId({ id })).toMatchObject({ status: 'draft', returnReason: '分学段支出与决算报表不一致' });
    // Only a draft is corrected, at the version seen.
    expect(await failure(hengnan.funding.spending.update({ id, expectedVersion: 2, budgetSpending: 21 * 亿 }))).toEqual(CONFLICT);
    await hengnan.funding.spending.update({ id, expectedVersion: 3, budgetSpending: 21 * 亿, byStage: { P: 7 * 亿 }, note: '已更正' });
    await hengnan.funding.spending.step({ id, expectedVersion: 4, action: 'submit' });
    expect(await failure(hengnan.funding.spending.update({ id, expectedVersion: 5, budgetSpending: 1 }))).toMatchObject({
      code: 'CONFLICT',
      message: '只有待提交的决算填报可以修改',
    });
    // The county cannot review.
    expect(await failure(hengnan.funding.spending.step({ id, expectedVersion: 5, action: 'accept' }))).toMatchObject({ code: 'FORBIDDEN' });
    await funding.funding.spending.step({ id, expectedVersion: 5, action: 'accept' });
    expect(await funding.funding.spending.byId({ id })).toMatchObject({
      status: 'accepted',
      budgetSpending: 21 * 亿,
      byStage: { P: 7 * 亿 },
      allowed: [],
      corrections: ['reopen'],
    });
    expect(await actions(id)).toEqual([
      'funding.spending.create',
      'funding.spending.submit',
      'funding.spending.return',
      'funding.spending.update',
      'funding.spending.submit',
      'funding.spending.accept',
    ]);
    expect((await hengnan.funding.spending.history({ id })).map((h) => h.action)).toEqual(await actions(id));
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('four eyes: the city enters 市本级’s return; the account that submitted it cannot accept it, another can', async () => {
    const [funding, caiwu2] = await Promise.all([as('funding'), as('caiwu2')]);
    const { id } = await funding.funding.spending.create({ unitCode: CITY, fiscalYear: 2022, budgetSpending: 25 * 亿 });
    await funding.funding.spending.step({ id, expectedVersion: 1, action: 'submit' });
    expect((await funding.funding.spending.byId({ id })).allowed).toEqual(['return']);
    expect(await failure(funding.funding.spending.step({ id, expectedVersion: 2, action: 'accept' }))).toEqual({
      code: 'CONFLICT',
      message: '不能审核自己提交的决算填报',
    });
    await caiwu2.funding.spending.step({ id, expectedVersion: 2, action: 'accept' });
    expect((await returnOf(CITY, 2022)).reviewedBy).toBe('caiwu2');
  });

  it('two accepts on the same version: one wins, the other is a CONFLICT', async () => {
    const [leifund, funding, caiwu2] = await Promise.all([as('leifund'), as('funding'), as('caiwu2')]);
    const { id } = await leifund.funding.spending.create({ unitCode: LEIYANG, fiscalYear: 2022, budgetSpending: 18 * 亿 });
    await leifund.funding.spending.step({ id, expectedVersion: 1, action: 'submit' });
    const results = await Promise.all(
      [funding, caiwu2].map((c) => failure(c.funding.spending.step({ id, expectedVersion: 2, action: 'accept' }))),
    );
    expect(results.filter((x) => x === null)).toHaveLength(1);
    expect(results.filter((x) => x !== null)).toEqual([CONFLICT]);
    expect(await actions(id)).toEqual(['funding.spending.create', 'funding.spending.submit', 'funding.spending.accept']);
  });

  it('scope: 衡南县 neither sees nor acts on 耒阳市’s returns, nor enters one for it (NOT_FOUND, audited)', async () => {
    const hengnan = await as('hengnan');
    const other = await returnOf(LEIYANG, 2021);
    const notFound = { code: 'NOT_FOUND', message: '决算填报不存在或不在您的数据范围内' };
    expect(await failure(hengnan.funding.spending.byId({ id: other.id }))).toEqual(notFound);
    expect(await failure(hengnan.funding.spending.history({ id: other.id }))).toEqual(notFound);
    expect(await failure(hengnan.funding.spending.step({ id: other.id, expectedVersion: other.version, action: 'submit' }))).toEqual(
      notFound,
    );
    expect(await failure(hengnan.funding.spending.update({ id: other.id, expectedVersion: other.version, budgetSpending: 1 }))).toEqual(
      notFound,
    );
    expect(await failure(hengnan.funding.spending.create({ unitCode: LEIYANG, fiscalYear: 2018, budgetSpending: 1 }))).toEqual({
      code: 'NOT_FOUND',
      message: '单位不存在或不在您的数据范围内',
    });
    const list = await hengnan.funding.spending.list({ page: 1, pageSize: 100 });
    expect(new Set(list.rows.map((x) => x.unitCode))).toEqual(new Set([HENGNAN]));
    expect((await hengnan.funding.spending.list({ page: 1, pageSize: 100, unitCode: LEIYANG })).total).toBe(0);
    expect((await hengnan.funding.spending.rule({ planYear: 2022 })).units.map((u) => u.unitCode)).toEqual([HENGNAN]);
    const denied = await database.db
      .select({ n: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.actor, 'hengnan'), eq(auditLog.result, 'denied'), eq(auditLog.action, 'funding.spending.create')));
    expect(denied.length).toBeGreaterThanOrEqual(1);
  });

  it('bad input is refused in Chinese, by field', async () => {
    const hengnan = await as('hengnan');
    const create = (x: Record<string, unknown>) =>
      failure(hengnan.funding.spending.create({ unitCode: HENGNAN, fiscalYear: 2018, budgetSpending: 亿, ...x } as never));
    expect(await create({ budgetSpending: 12.5 })).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('一般公共预算教育支出应以分计的整数'),
    });
    expect(await create({ budgetSpending: -1 })).toMatchObject({ message: expect.stringContaining('一般公共预算教育支出不能为负数') });
    expect(await create({ fiscalYear: 2009 })).toMatchObject({ message: expect.stringContaining('决算年度不能早于2010年') });
    expect(await create({ reportedPupils: 0 })).toMatchObject({ message: expect.stringContaining('在校生数应大于0') });
    expect(await create({ byStage: { P: 2 * 亿 } })).toEqual({ code: 'BAD_REQUEST', message: '小学支出不能超过一般公共预算教育支出' });
    expect(await failure(hengnan.funding.spending.step({ id: 1, expectedVersion: 1, action: 'approve' as never }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('the rule on the seed: 祁东县’s 2021 fell (red), 衡南县 met; equal years are met; only accepted returns are judged', async () => {
    const funding = await as('funding');
    const rule = await funding.funding.spending.rule({ planYear: 2022 });
    expect(rule).toMatchObject({ planYear: 2022, year: 2021, previous: 2020, canConfigure: true });
    expect(rule.units).toHaveLength(14);
    const unit = (code: string) => rule.units.find((u) => u.unitCode === code)!;
    expect(unit(QIDONG).check).toMatchObject({ state: 'judged', met: false, spending: 'down' });
    expect(unit(HENGNAN).check).toMatchObject({ state: 'judged', met: true, spending: 'up', perPupil: 'up' });
    expect(unit(HENGNAN).years.map((y) => y.label.zh)).toEqual(['2019年决算', '2020年决算', '2021年决算', '2022年决算']);
    expect(unit(HENGNAN).years.map((y) => y.pupilsSource)).toEqual(['reported', 'census', 'census', 'census']);
    const kpi = async () => twoNoDecreaseKpi.byUnit(database.db, { kind: 'all' }, AS_OF);
    expect((await kpi()).get(QIDONG)).toEqual({ num: 0, den: 1 });
    expect((await kpi()).get(HENGNAN)).toEqual({ num: 1, den: 1 });

    // Equal to the year before (spending and per pupil): not a fall. The 2021 check compares 2020 with 2019 (own pupils).
    const y20 = rule.units.find((u) => u.unitCode === HENGNAN)!.years.find((y) => y.year === 2020)!;
    await database.db
      .update(r)
      .set({ budgetSpending: y20.spending, reportedPupils: y20.pupils })
      .where(and(eq(r.unitCode, HENGNAN), eq(r.fiscalYear, 2019)));
    const equal = (await funding.funding.spending.rule({ planYear: 2021 })).units.find((u) => u.unitCode === HENGNAN)!;
    expect(equal.check).toMatchObject({ state: 'judged', met: true, spending: 'equal', perPupil: 'equal' });

    // Reopened for revision: awaiting review, out of the KPI's denominator until accepted again.
    const y21 = await returnOf(HENGNAN, 2021);
    expect(await failure(funding.funding.spending.step({ id: y21.id, expectedVersion: y21.version, action: 'reopen' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    await funding.funding.spending.step({ id: y21.id, expectedVersion: y21.version, action: 'reopen', reason: '决算数据调整' });
    expect((await funding.funding.spending.rule({ planYear: 2022 })).units.find((u) => u.unitCode === HENGNAN)!.check).toMatchObject({
      state: 'awaiting',
      met: null,
    });
    expect((await kpi()).get(HENGNAN)).toEqual({ num: 0, den: 0 });
    const hengnan = await as('hengnan');
    await hengnan.funding.spending.update({ id: y21.id, expectedVersion: y21.version + 1, budgetSpending: y20.spending - 100 });
    await hengnan.funding.spending.step({ id: y21.id, expectedVersion: y21.version + 2, action: 'submit' });
    await funding.funding.spending.step({ id: y21.id, expectedVersion: y21.version + 3, action: 'accept' });
    expect((await kpi()).get(HENGNAN)).toEqual({ num: 0, den: 1 });
    expect(await actions(y21.id)).toEqual([
      'funding.spending.reopen',
      'funding.spending.update',
      'funding.spending.submit',
      'funding.spending.accept',
    ]);
  });

  it('the city sets the checked units (versioned, audited); a county may not; exports are audited', async () => {
    const [funding, hengnan] = await Promise.all([as('funding'), as('hengnan')]);
    const before = await funding.funding.settings.get();
    expect(before).toMatchObject({ version: 0, canConfigure: true });
    expect(before.checkedUnits).toHaveLength(14);
    const without = before.checkedUnits.filter((c) => c !== CITY);
    expect(await failure(hengnan.funding.settings.set({ checkedUnits: without, expectedVersion: 0 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(funding.funding.settings.set({ checkedUnits: ['430499'], expectedVersion: 0 }))).toEqual({
      code: 'BAD_REQUEST',
      message: '没有单位代码为430499的单位',
    });
    expect(await funding.funding.settings.set({ checkedUnits: without, expectedVersion: 0 })).toEqual({ version: 1 });
    expect(await failure(funding.funding.settings.set({ checkedUnits: without, expectedVersion: 0 }))).toEqual(CONFLICT);
    expect((await funding.funding.spending.rule({ planYear: 2022 })).units.map((u) => u.unitCode)).not.toContain(CITY);
    expect(await failure(funding.funding.spending.create({ unitCode: CITY, fiscalYear: 2018, budgetSpending: 1 }))).toEqual({
      code: 'BAD_REQUEST',
      message: '市本级不在“两个只增不减”核查单位之列',
    });
    await funding.funding.settings.set({ checkedUnits: before.checkedUnits, expectedVersion: 1 });
    const file = await funding.funding.spending.export({ fiscalYear: 2021 });
    expect(file.rows).toBe(14);
    const ruleFile = await funding.funding.spending.exportRule({ planYear: 2022 });
    expect(ruleFile.rows).toBeGreaterThanOrEqual(14 * 3);
    const audited = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actor, 'funding'), eq(auditLog.result, 'ok')));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['funding.settings.set', 'funding.spending.export', 'funding.spending.exportRule']),
    );
    // The leader reads the rule but takes no steps.
    const leader = await as('leader');
    const y21 = await returnOf(QIDONG, 2021);
    expect(await leader.funding.spending.byId({ id: y21.id })).toMatchObject({ allowed: [], corrections: [], canEdit: false });
  });
});
