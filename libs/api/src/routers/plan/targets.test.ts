import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure, httpCall, signIn } from '../../testing.ts';

const AS_OF = { asOf: '2022-11-30' };
const HENGNAN = '430422';
const LEIYANG = '430481';
const HENGYANG_COUNTY = '430421';

describe.each(testEngines())('county KPI targets on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  const audits = (action: string, result: 'ok' | 'denied') =>
    database.db
      .select()
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.action, action), eq(tables.auditLog.result, result)));

  it('the 办公室 sets a county target (audited); the dashboard judges that county’s row against it, and its status changes', async () => {
    const office = await callerAs(database, 'office', AS_OF);
    const leader = await callerAs(database, 'leader', AS_OF);
    const before = await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' });
    const row = before.units.find((u) => u.code === HENGYANG_COUNTY)!;
    expect(row).toMatchObject({ target: 0, targetLabel: '局定目标（沿用全市目标）' });
    expect(row.value).toBeGreaterThan(1);
    // A cap below the county's figure turns it red; one above turns it green: the row follows the county's target.
    const low = row.value! - 1;
    const high = row.value! + 1;
    const okBefore = (await audits('plan.setCountyTarget', 'ok')).length;
    expect(
      await office.plan.targets.set({ year: 2022, kpiId: 'teachers.vacancy-contract', unitCode: HENGYANG_COUNTY, target: low }),
    ).toEqual({
      changed: true,
    });
    const judgedLow = (await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' })).units.find((u) => u.code === HENGYANG_COUNTY)!;
    expect(judgedLow).toMatchObject({ target: low, targetLabel: '局定目标（县市区）', status: 'red' });
    await office.plan.targets.set({ year: 2022, kpiId: 'teachers.vacancy-contract', unitCode: HENGYANG_COUNTY, target: high });
    const judgedHigh = (await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' })).units.find((u) => u.code === HENGYANG_COUNTY)!;
    expect(judgedHigh).toMatchObject({ target: high, status: 'green' });
    // The city total and the other counties keep the city's target.
    const detail = await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' });
    expect(detail.units.find((u) => u.code === LEIYANG)).toMatchObject({ target: 0, targetLabel: '局定目标（沿用全市目标）' });

    const written = await audits('plan.setCountyTarget', 'ok');
    expect(written.length).toBe(okBefore + 2);
    expect(written.at(-1)).toMatchObject({
      actor: 'office',
      targetType: 'kpi_county_target',
      targetId: `2022:teachers.vacancy-contract:${HENGYANG_COUNTY}`,
      before: { target: low },
      after: { target: high },
    });
    const [stored] = await database.db
      .select()
      .from(tables.kpiCountyTargets)
      .where(and(eq(tables.kpiCountyTargets.unitCode, HENGYANG_COUNTY), eq(tables.kpiCountyTargets.kpiId, 'teachers.vacancy-contract')));
    expect(stored).toMatchObject({ year: 2022, target: high, setBy: 'office' });

    // Cleared: the row falls back to the city's target, labelled so; clearing again changes nothing and records nothing.
    expect(
      await office.plan.targets.set({ year: 2022, kpiId: 'teachers.vacancy-contract', unitCode: HENGYANG_COUNTY, target: null }),
    ).toEqual({
      changed: true,
    });
    expect(
      (await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' })).units.find((u) => u.code === HENGYANG_COUNTY),
    ).toMatchObject({
      target: 0,
      targetLabel: '局定目标（沿用全市目标）',
    });
    expect(
      await office.plan.targets.set({ year: 2022, kpiId: 'teachers.vacancy-contract', unitCode: HENGYANG_COUNTY, target: null }),
    ).toEqual({
      changed: false,
    });
    expect((await audits('plan.setCountyTarget', 'ok')).length).toBe(okBefore + 3);
  });

  it('lists each KPI’s city target with its source and the counties’ own; the office may edit, a county reads only itself', async () => {
    const office = await callerAs(database, 'office', AS_OF);
    const list = await office.plan.targets.list({ year: 2022 });
    expect(list.canEdit).toBe(true);
    expect(list.units).toHaveLength(13);
    const closure = list.kpis.find((k) => k.id === 'safety.hazard-closure')!;
    expect(closure).toMatchObject({ target: 1, targetSource: 'bureau', targetLabel: '局定目标', unit: 'ratio' });
    expect(closure.counties.map((c) => [c.unitCode, c.target])).toEqual(
      expect.arrayContaining([
        [HENGNAN, 0.9],
        [LEIYANG, 0.92],
      ]),
    );
    expect(list.kpis.find((k) => k.id === 'private.compulsory-share')).toMatchObject({ targetLabel: '工作要点' });

    const hengnan = await callerAs(database, 'hengnan', AS_OF);
    const own = await hengnan.plan.targets.list({ year: 2022 });
    expect(own.canEdit).toBe(false);
    expect(own.units.map((u) => u.code)).toEqual([HENGNAN]);
    expect(own.kpis.flatMap((k) => k.counties.map((c) => c.unitCode)).every((c) => c === HENGNAN)).toBe(true);
    expect(own.kpis.find((k) => k.id === 'safety.hazard-closure')!.counties).toMatchObject([
      { unitCode: HENGNAN, target: 0.9, setBy: 'office' },
    ]);
    // 衡南县 is granted all four modules; 耒阳市 only 安全管理 and 教师队伍, so it sees only their KPIs.
    const leiyang = await (await callerAs(database, 'leiyang', AS_OF)).plan.targets.list({ year: 2022 });
    expect(new Set(leiyang.kpis.map((k) => k.module))).toEqual(new Set(['safety', 'teachers']));
    // A county's own dashboard cards are its row: judged against its own target.
    const cards = await hengnan.dashboard.kpis();
    expect(cards.find((k) => k.id === 'safety.hazard-closure')).toMatchObject({ target: 0.9, targetLabel: '局定目标（县市区）' });
    expect(cards.find((k) => k.id === 'safety.incidents')).toMatchObject({ target: 0, targetLabel: '局定目标（沿用全市目标）' });
  });

  it('refuses anyone but the 办公室 (each refusal recorded once), writing nothing', async () => {
    const input = { year: 2022, kpiId: 'safety.hazard-closure' as const, unitCode: HENGNAN, target: 0.5 };
    for (const who of ['hengnan', 'safety', 'leader']) {
      const deniedBefore = (await audits('plan.targets.set', 'denied')).length;
      const caller = await callerAs(database, who, AS_OF);
      expect(await failure(caller.plan.targets.set(input)), who).toMatchObject({ code: 'FORBIDDEN' });
      expect((await audits('plan.targets.set', 'denied')).length, who).toBe(deniedBefore + 1);
    }
    const office = await callerAs(database, 'office', AS_OF);
    expect(
      (await office.plan.targets.list({ year: 2022 })).kpis
        .find((k) => k.id === 'safety.hazard-closure')!
        .counties.find((c) => c.unitCode === HENGNAN)!.target,
    ).toBe(0.9);
  });

  it('refuses a bad value on its field, in Chinese, before anything is written', async () => {
    const cookie = await signIn(database, 'office');
    const call = (input: Record<string, unknown>) =>
      httpCall(database, cookie, 'plan.targets.set', {
        year: 2022,
        kpiId: 'safety.hazard-closure',
        unitCode: HENGNAN,
        target: 0.9,
        ...input,
      });
    const issues = async (input: Record<string, unknown>) => {
      const res = await call(input);
      expect(res.status).toBe(400);
      return (JSON.parse(res.body) as { error: { data: { issues: { path: string; message: string }[] } } }).error.data.issues;
    };
    expect(await issues({ target: 1.5 })).toEqual([{ path: 'target', message: '目标值应在0%到100%之间' }]);
    expect(await issues({ target: 0.12345 })).toEqual([{ path: 'target', message: '目标值最多保留两位小数（百分比）' }]);
    expect(await issues({ target: -1 })).toEqual([{ path: 'target', message: '目标值不能为负数' }]);
    expect(await issues({ kpiId: 'safety.incidents', target: 2.5 })).toEqual([{ path: 'target', message: '目标值应为整数' }]);
    expect(await issues({ kpiId: 'no.such-kpi' })).toEqual([{ path: 'kpiId', message: '指标不存在或不按县市区计算' }]);
    expect(await issues({ unitCode: '4304' })).toEqual([{ path: 'unitCode', message: '单位：行政区划代码应为6位数字' }]);
    // The city itself is no county: its row is the city's target.
    const city = await call({ unitCode: '430400' });
    expect(city.status).toBe(404);
    expect(JSON.parse(city.body).error.message).toBe('单位不存在或不是县市区');
    const stored = await database.db
      .select()
      .from(tables.kpiCountyTargets)
      .where(and(eq(tables.kpiCountyTargets.unitCode, HENGNAN), eq(tables.kpiCountyTargets.kpiId, 'safety.hazard-closure')));
    expect(stored.map((r) => r.target)).toEqual([0.9]);
  });
});
