import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const report = (period: string, narrative = '本月已完成全部“公参民”学校的资产清查和转公办审批。') => ({
  period,
  status: 'in_progress' as const,
  narrative,
  figures: [{ label: '已转为公办学校数', value: 12, unit: '所' }],
});

describe.each(testEngines())('work plan progress on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = async (user: string, clock?: () => Date) => callerWithCookie(database, cookies.get(user)!, clock ? { clock } : {});
  let t51 = 0;
  let t32 = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['leader', 'office', 'privedu', 'safety', 'hengnan', 'leiyang', 'school']) cookies.set(u, await signIn(database, u));
    const ids = await database.db.select({ id: tables.planTasks.id, code: tables.planTasks.code }).from(tables.planTasks);
    t51 = ids.find((t) => t.code === '5.1')!.id;
    t32 = ids.find((t) => t.code === '3.2')!.id;
  }, 60_000);
  afterAll(() => database?.close());

  it('the 2022 plan holds tasks for all 19 items; a county sees only the tasks it carries out, a school none', async () => {
    const all = await (await as('leader')).plan.tasks.list({ year: 2022 });
    expect(new Set(all.map((t) => t.itemNo)).size).toBe(19);
    const hengnan = await (await as('hengnan')).plan.tasks.list({ year: 2022 });
    expect(hengnan.every((t) => t.units.includes('430422'))).toBe(true);
    expect(hengnan.some((t) => t.code === '3.2')).toBe(false); // city-level audit task
    expect(await failure((await as('hengnan')).plan.tasks.byId({ taskId: t32 }))).toEqual({
      code: 'NOT_FOUND',
      message: '任务不存在或不在您的数据范围内',
    });
    expect(await failure((await as('school')).plan.tasks.list({ year: 2022 }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a county reports, the lead 科室 returns it with a reason, the county resubmits, the 科室 reviews it', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.plan.reports.submit({ taskId: t51, report: report('2022-06') });
    expect(await failure(hengnan.plan.reports.submit({ taskId: t51, report: report('2022-06') }))).toEqual({
      code: 'CONFLICT',
      message: '该报告已提交，正在等待审核',
    });

    const privedu = await as('privedu');
    const queue = await privedu.plan.reports.queue();
    expect(queue).toEqual([expect.objectContaining({ reportId: id, code: '5.1', unitName: '衡南县', period: '2022-06' })]);
    let version = (await privedu.plan.tasks.byId({ taskId: t51 })).reports.find((r) => r.id === id)!.version;
    expect(await failure(privedu.plan.reports.review({ reportId: id, expectedVersion: version, action: 'return' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    expect(
      await failure((await as('safety')).plan.reports.review({ reportId: id, expectedVersion: version, action: 'review' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    await privedu.plan.reports.review({ reportId: id, expectedVersion: version, action: 'return', reason: '缺少教师安置人数，请补充' });

    // The task says which unit each caller reports for (the form shows that unit's months): a county its own, the lead 科室 the city, leadership none.
    expect((await hengnan.plan.tasks.byId({ taskId: t51 })).myUnit).toBe('430422');
    expect((await privedu.plan.tasks.byId({ taskId: t51 })).myUnit).toBe((await privedu.plan.tasks.byId({ taskId: t51 })).city);
    expect((await (await as('leader')).plan.tasks.byId({ taskId: t51 })).myUnit).toBeNull();
    const mine = (await hengnan.plan.tasks.byId({ taskId: t51 })).reports.find((r) => r.id === id)!;
    expect(mine).toMatchObject({ review: 'returned', returnReason: '缺少教师安置人数，请补充' });
    await hengnan.plan.reports.submit({
      taskId: t51,
      report: report('2022-06', '已补充：安置教师86人，全部“公参民”学校于6月28日转为公办。'),
    });

    version = (await privedu.plan.tasks.byId({ taskId: t51 })).reports.find((r) => r.id === id)!.version;
    // Two reviewers at once: one wins, the other is told it changed; nothing is overwritten.
    const results = await Promise.all([
      failure(privedu.plan.reports.review({ reportId: id, expectedVersion: version, action: 'review' })),
      failure((await as('privedu')).plan.reports.review({ reportId: id, expectedVersion: version, action: 'return', reason: '再核实' })),
    ]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.find((r) => r !== null)).toMatchObject({ code: 'CONFLICT' });

    const history = await hengnan.plan.reports.history({ reportId: id });
    expect(history.map((h) => h.action).slice(0, 3)).toEqual(['plan.submitReport', 'plan.returnReport', 'plan.resubmitReport']);
    expect(history).toHaveLength(4);
  });

  it('each report says which review steps the caller may take on it now, as submitting and reviewing decide', async () => {
    const allowed = async (user: string, id: number) =>
      (await (await as(user)).plan.tasks.byId({ taskId: t51 })).reports.find((r) => r.id === id)!.allowed;
    const county = (await (await as('hengnan')).plan.reports.submit({ taskId: t51, report: report('2022-12') })).id;
    expect(await allowed('privedu', county)).toEqual(['review', 'return']); // the lead 科室 reviews its counties
    for (const user of ['hengnan', 'office', 'safety', 'leader']) expect(await allowed(user, county), user).toEqual([]);
    // The 科室's own report (the city's) on a task it leads, for a month it has not reported yet.
    const privedu = await as('privedu');
    const months = Array.from({ length: 12 }, (_, i) => `2022-${String(12 - i).padStart(2, '0')}`);
    let own: { taskId: number; period: string } | undefined;
    for (const t of await privedu.plan.tasks.list({ year: 2022 })) {
      const task = await privedu.plan.tasks.byId({ taskId: t.id });
      const period = months.find((m) => !task.reports.some((r) => r.unitCode === task.city && r.period === m));
      if (task.mine && period) own = { taskId: t.id, period };
      if (own) break;
    }
    const city = (await privedu.plan.reports.submit({ taskId: own!.taskId, report: report(own!.period) })).id;
    const ownAllowed = async (user: string) =>
      (await (await as(user)).plan.tasks.byId({ taskId: own!.taskId })).reports.find((r) => r.id === city)!.allowed;
    expect(await ownAllowed('office')).toEqual(['review', 'return']); // the 办公室 reviews the 科室's own
    expect(await ownAllowed('privedu')).toEqual([]);

    const { version } = (await privedu.plan.tasks.byId({ taskId: t51 })).reports.find((r) => r.id === county)!;
    await privedu.plan.reports.review({ reportId: county, expectedVersion: version, action: 'return', reason: '请补充' });
    expect(await allowed('hengnan', county)).toEqual(['submit']); // the county resubmits it
    expect(await allowed('privedu', county)).toEqual([]);
  });

  it('another county neither sees that report nor files for 衡南县', async () => {
    const leiyang = await as('leiyang');
    expect((await leiyang.plan.tasks.byId({ taskId: t51 })).reports.every((r) => r.unitCode === '430481')).toBe(true);
    const [r] = await database.db
      .select({ id: tables.progressReports.id })
      .from(tables.progressReports)
      .where(and(eq(tables.progressReports.taskId, t51), eq(tables.progressReports.unitCode, '430422')));
    expect(await failure(leiyang.plan.reports.history({ reportId: r!.id }))).toEqual({
      code: 'NOT_FOUND',
      message: '报告不存在或不在您的数据范围内',
    });
    expect(await failure(leiyang.plan.reports.submit({ taskId: t51, unitCode: '430422', report: report('2022-07') }))).toEqual({
      code: 'BAD_REQUEST',
      message: '请选择本单位负责的县市区',
    });
    expect(await failure((await as('leader')).plan.reports.submit({ taskId: t51, report: report('2022-07') }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('leadership writes a 批示; the owning 科室 acknowledges it once; others cannot', async () => {
    const leader = await as('leader');
    expect(await failure((await as('privedu')).plan.instructions.create({ year: 2022, itemNo: 5, text: '抓紧' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const { id } = await leader.plan.instructions.create({
      year: 2022,
      itemNo: 5,
      text: '“公参民”转公办务必6月底前完成，教师安置要稳妥。',
    });
    const privedu = await as('privedu');
    const [ins] = await privedu.plan.instructions.list({ year: 2022, itemNo: 5 });
    expect(ins).toMatchObject({ id, canAcknowledge: true, owners: [expect.objectContaining({ dept: 'private-edu', ackBy: null })] });
    expect(await failure((await as('safety')).plan.instructions.acknowledge({ instructionId: id }))).toEqual({
      code: 'FORBIDDEN',
      message: '该批示不需要本科室确认',
    });
    await privedu.plan.instructions.acknowledge({ instructionId: id });
    expect(await failure(privedu.plan.instructions.acknowledge({ instructionId: id }))).toEqual({
      code: 'CONFLICT',
      message: '本科室已确认该批示',
    });
    const [after] = await leader.plan.instructions.list({ year: 2022, itemNo: 5 });
    expect(after?.owners[0]).toMatchObject({ dept: 'private-edu', ackBy: 'privedu' });
  });

  it('an open milestone is due this week until its date, then flagged overdue', async () => {
    const privedu = await as('privedu');
    const task = await privedu.plan.tasks.byId({ taskId: t51 });
    const m = task.milestones[0]!;
    expect(m).toMatchObject({ title: '“公参民”学校全部转为公办', due: '2022-06-30' });
    await privedu.plan.tasks.setMilestone({ milestoneId: m.id, expectedVersion: m.version, doneOn: null });
    const on = (iso: string) => as('hengnan', () => new Date(iso));
    const before = await (await on('2022-06-28T09:00:00+08:00')).plan.deadlines({ year: 2022 });
    expect(before.find((d) => d.milestoneId === m.id)?.state).toBe('due_this_week');
    const after = await (await on('2022-07-01T09:00:00+08:00')).plan.deadlines({ year: 2022 });
    expect(after.find((d) => d.milestoneId === m.id)?.state).toBe('overdue');
    expect(
      await failure(
        (await as('hengnan')).plan.tasks.setMilestone({ milestoneId: m.id, expectedVersion: m.version + 1, doneOn: '2022-06-30' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('every change is audited and the chain verifies', async () => {
    expect((await verifyAuditChain(database.db, database.auditKey)).ok).toBe(true);
  });
});
