import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { realPng } from '@hyedu/files/testing';
import { KPI_SOURCES } from '../../kpi/registry.ts';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { fundingSeatProjects: p, fundingProjectMilestones: pm, auditLog } = tables;
const planned = { approved: '2022-01-10', started: '2022-03-01', topped_out: '2022-06-30', accepted: '2022-08-15', in_use: '2022-09-01' };
const facts = {
  name: '衡南县测试学校扩建工程',
  kind: 'expansion' as const,
  sector: 'general' as const,
  area: 'rural' as const,
  plannedSeats: 800,
  investment: 2_500_000_000,
  flags: ['boarding' as const],
  planned,
};

describe.each(testEngines())('学位建设项目 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['hengnan', 'funding', 'leader']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('a county enters its own projects only; another county’s project is NOT_FOUND exactly like a missing one', async () => {
    const [hengnan, funding] = [await as('hengnan'), await as('funding')];
    const { id } = await hengnan.funding.projects.create({ unitCode: '430422', ...facts });
    expect(await hengnan.funding.projects.byId({ id })).toMatchObject({ stage: null, nextDue: '2022-01-10', canReach: true });
    const notFound = { code: 'NOT_FOUND', message: '单位不存在或不在您的数据范围内' };
    expect(await failure(hengnan.funding.projects.create({ unitCode: '430481', ...facts }))).toEqual(notFound);
    const other = await funding.funding.projects.create({ unitCode: '430481', ...facts, name: '耒阳市测试学校新建工程' });
    const missing = await failure(hengnan.funding.projects.byId({ id: 999_999_999 }));
    expect(missing).toEqual({ code: 'NOT_FOUND', message: '建设项目不存在或不在您的数据范围内' });
    expect(await failure(hengnan.funding.projects.byId({ id: other.id }))).toEqual(missing);
    expect(await failure(hengnan.funding.projects.history({ id: other.id }))).toEqual(missing);
    expect((await hengnan.funding.projects.list({ page: 1, pageSize: 100 })).rows.every((r) => r.unitCode === '430422')).toBe(true);
    // The leader reads but may not write.
    expect((await failure((await as('leader')).funding.projects.create({ unitCode: '430422', ...facts })))?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input in Chinese, on its field', async () => {
    const hengnan = await as('hengnan');
    expect(await failure(hengnan.funding.projects.create({ unitCode: '430422', ...facts, plannedSeats: -1 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('学位数不能为负数'),
    });
    expect(
      await failure(hengnan.funding.projects.create({ unitCode: '430422', ...facts, planned: { ...planned, started: '2021-12-01' } })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '开工的计划日期不能早于上一节点' });
    expect(await failure(hengnan.funding.projects.create({ unitCode: '430422', ...facts, kind: 'purchase', planned }))).toMatchObject({
      message: '购买学位项目没有开工节点',
    });
  });

  it('records milestones in order, not in the future, 投入使用 with the places; the list, schedule and totals follow', async () => {
    const [hengnan, funding] = [await as('hengnan'), await as('funding')];
    const { id } = await hengnan.funding.projects.create({ unitCode: '430422', ...facts, name: '衡南县节点测试工程' });
    const reach = (version: number, milestone: string, on: string, extra: object = {}) =>
      hengnan.funding.projects.reach({ id, expectedVersion: version, milestone: milestone as 'approved', on, ...extra });
    // Late: 立项 planned 2022-01-10 and not recorded.
    let row = (await hengnan.funding.projects.list({ page: 1, pageSize: 100, schedule: 'late', q: '节点测试' })).rows[0]!;
    expect(row.schedule).toMatchObject({ state: 'late', milestone: 'approved', lateDays: 324 });
    expect(await failure(reach(1, 'started', '2022-03-01'))).toMatchObject({ code: 'BAD_REQUEST', message: '请先记录立项' });
    expect(await failure(reach(1, 'approved', '2022-12-01'))).toMatchObject({ message: '完成日期不能晚于今天' });
    await reach(1, 'approved', '2022-01-12');
    expect(await failure(reach(2, 'started', '2022-01-01'))).toMatchObject({ message: '完成日期不能早于立项（2022-01-12）' });
    await reach(2, 'started', '2022-03-05');
    await reach(3, 'topped_out', '2022-07-20');
    await reach(4, 'accepted', '2022-08-30');
    expect(await failure(reach(5, 'in_use', '2022-09-01'))).toMatchObject({ message: '投入使用时请填写实际新增学位数' });

    const kpi = KPI_SOURCES.get('funding.seats-delivered')!;
    const before = await funding.funding.projects.totals();
    const kpiBefore = (await kpi.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')?.num ?? 0;
    // Two people record 投入使用 from the same view: one wins, the other gets CONFLICT.
    const results = await Promise.allSettled([
      reach(5, 'in_use', '2022-09-01', { deliveredSeats: 780 }),
      reach(5, 'in_use', '2022-09-02', { deliveredSeats: 780 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect({ code: lost.reason.code, message: lost.reason.message }).toEqual(CONFLICT);

    const after = await funding.funding.projects.totals();
    expect(after.total.delivered - before.total.delivered).toBe(780);
    expect(after.units.find((u) => u.code === '430422')!.delivered - before.units.find((u) => u.code === '430422')!.delivered).toBe(780);
    expect(after.plan.target).toBe(33_730);
    expect((await kpi.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')!.num - kpiBefore).toBe(780);

    const page = await hengnan.funding.projects.byId({ id });
    expect(page).toMatchObject({ stage: 'in_use', deliveredSeats: 780, nextDue: null, schedule: { state: 'done' }, canEdit: false });
    expect(page.milestones.map((m) => [m.milestone, m.reached, m.delay])).toEqual([
      ['approved', '2022-01-12', 2],
      ['started', '2022-03-05', 4],
      ['topped_out', '2022-07-20', 20],
      ['accepted', '2022-08-30', 15],
      ['in_use', page.inUseOn, page.inUseOn === '2022-09-01' ? 0 : 1],
    ]);
    row = (await hengnan.funding.projects.list({ page: 1, pageSize: 100, schedule: 'done', q: '节点测试' })).rows[0]!;
    expect(row.id).toBe(id);
    // Nothing more once in use.
    expect(await failure(hengnan.funding.projects.update({ id, expectedVersion: 6, ...facts }))).toMatchObject({
      code: 'CONFLICT',
      message: '项目已投入使用，不能再修改',
    });
    const history = await hengnan.funding.projects.history({ id });
    expect(history.filter((h) => h.action === 'funding.projects.reach')).toHaveLength(5);
    const ms = await database.db
      .select()
      .from(pm)
      .where(and(eq(pm.projectId, id), eq(pm.milestone, 'in_use')));
    expect(ms[0]!.recordedBy).toBe('hengnan');
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('corrects facts and planned dates on the current version only; a purchase has 立项 and 投入使用 only', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.funding.projects.create({
      unitCode: '430422',
      ...facts,
      name: '衡南县购买学位测试',
      kind: 'purchase',
      planned: { approved: '2022-02-01', in_use: '2022-12-20' },
    });
    expect((await hengnan.funding.projects.byId({ id })).milestones.map((m) => m.milestone)).toEqual(['approved', 'in_use']);
    await hengnan.funding.projects.update({
      id,
      expectedVersion: 1,
      ...facts,
      name: '衡南县购买学位测试（更正）',
      kind: 'purchase',
      plannedSeats: 300,
      planned: { approved: '2022-02-01', in_use: '2022-12-15' },
    });
    expect(
      await failure(
        hengnan.funding.projects.update({
          id,
          expectedVersion: 1,
          ...facts,
          kind: 'purchase',
          planned: { approved: '2022-02-01', in_use: '2022-12-15' },
        }),
      ),
    ).toEqual(CONFLICT);
    const [row] = await database.db.select().from(p).where(eq(p.id, id));
    expect(row).toMatchObject({ plannedSeats: 300, nextDue: '2022-02-01', version: 2 });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'funding.projects.update'), eq(auditLog.targetId, String(id))));
    expect(audit!.after).toMatchObject({ plannedSeats: 300, planned: { in_use: '2022-12-15' } });
    // Evidence per milestone, then visible on the project page.
    await hengnan.funding.projects.attach({ id, milestone: 'approved', fileName: '立项批复.png', base64: realPng().toString('base64') });
    expect(
      await failure(hengnan.funding.projects.attach({ id, milestone: 'started', fileName: 'x.png', base64: realPng().toString('base64') })),
    ).toMatchObject({
      message: '该项目没有这个节点',
    });
    const files = (await hengnan.funding.projects.byId({ id })).files;
    expect(files).toMatchObject([{ milestone: 'approved', fileName: '立项批复.png', inline: true }]);
    expect(await hengnan.funding.projects.file({ id: files[0]!.id })).toMatchObject({ filename: '立项批复.png' });
  });

  it('the allocation: the city sets it, it must sum to 33,730, a stale version is refused; a county reads its own rows', async () => {
    const [hengnan, funding] = [await as('hengnan'), await as('funding')];
    const current = await funding.funding.allocation.get({ year: 2022 });
    expect(current.target).toBe(33_730);
    const rows = [
      { unitCode: '430400', sector: 'vocational' as const, area: 'urban' as const, seats: 3_730 },
      { unitCode: '430422', sector: 'general' as const, area: 'rural' as const, seats: 10_000 },
      { unitCode: '430481', sector: 'general' as const, area: 'urban' as const, seats: 19_999 },
    ];
    expect(await failure(funding.funding.allocation.set({ year: 2022, expectedVersion: current.version, rows }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '分配合计33,729个，应等于目标33,730个',
    });
    rows[2]!.seats = 20_000;
    expect((await failure(hengnan.funding.allocation.set({ year: 2022, expectedVersion: current.version, rows })))?.code).toBe('FORBIDDEN');
    expect(
      await failure(funding.funding.allocation.set({ year: 2022, expectedVersion: current.version, rows: [...rows, rows[1]!] })),
    ).toMatchObject({
      message: '同一单位、类别和城乡只能分配一次',
    });
    expect(await failure(funding.funding.allocation.set({ year: 2023, expectedVersion: 0, rows }))).toMatchObject({
      message: '2023年没有学位建设任务',
    });
    const out = await funding.funding.allocation.set({ year: 2022, expectedVersion: current.version, rows });
    expect(out.version).toBe(current.version + 1);
    expect(await failure(funding.funding.allocation.set({ year: 2022, expectedVersion: current.version, rows }))).toEqual(CONFLICT);
    expect(await funding.funding.allocation.get({ year: 2022 })).toMatchObject({ sum: 33_730, version: out.version, canEdit: true });
    const county = await hengnan.funding.allocation.get({ year: 2022 });
    expect(county).toMatchObject({ sum: 10_000, canEdit: false, rows: [{ unitCode: '430422', seats: 10_000 }] });
    // The allocation is each unit's target of the KPI.
    const targets = await database.db
      .select()
      .from(tables.kpiCountyTargets)
      .where(and(eq(tables.kpiCountyTargets.kpiId, 'funding.seats-delivered'), eq(tables.kpiCountyTargets.year, 2022)));
    expect(Object.fromEntries(targets.map((t) => [t.unitCode, t.target]))).toEqual({ '430400': 3_730, '430422': 10_000, '430481': 20_000 });
    const totals = await hengnan.funding.projects.totals();
    expect(totals.total.allocation).toBe(10_000);
    expect(totals.units.map((u) => u.code)).toEqual(['430422']);
  });
});
