import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { takeKpiSnapshot } from '../kpi/snapshot.ts';
import { callerAs, failure } from '../testing.ts';

describe.each(testEngines())('dashboard KPIs on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('every KPI of the catalogue is listed; those computed live have a value and status, the rest say 暂无数据 (no_data)', async () => {
    const kpis = await (await callerAs(database, 'leader')).dashboard.kpis();
    const share = kpis.find((k) => k.id === 'private.compulsory-share')!;
    expect(share.value).toBeGreaterThan(0);
    expect(share.value).toBeLessThan(1);
    expect(share.value).toBeCloseTo(share.num! / share.den!);
    expect(['green', 'amber', 'red']).toContain(share.status);
    const aid = kpis.find((k) => k.id === 'funding.aid-coverage')!;
    expect(aid.value).toBeCloseTo(aid.num! / aid.den!);
    expect(['green', 'amber', 'red']).toContain(aid.status);
    for (const k of kpis) {
      if (k.status === 'no_data') expect(k.value, k.id).toBeNull();
      else expect(k.value, k.id).not.toBeNull();
    }
    const early = await (await callerAs(database, 'leader', { asOf: '2021-06-30' })).dashboard.kpis();
    expect(early.find((k) => k.id === 'funding.aid-coverage')).toMatchObject({ value: null, status: 'no_data', asOf: null });
  });

  it('学位建设: the city’s places delivered against 33,730, each county against its allocation (its county target)', async () => {
    const demo = await callerAs(database, 'leader', { asOf: '2022-11-30' });
    const seats = (await demo.dashboard.kpis()).find((k) => k.id === 'funding.seats-delivered')!;
    expect(seats).toMatchObject({ target: 33_730 });
    expect(seats.value! / 33_730).toBeGreaterThan(0.7);
    expect(seats.value! / 33_730).toBeLessThan(0.8);
    const detail = await demo.dashboard.kpi({ kpiId: 'funding.seats-delivered' });
    expect(detail.cityOwn).toBe('budget'); // the city's own row is 市本级, not 局直 schools
    const hengnan = detail.units.find((u) => u.code === '430422')!;
    expect(hengnan).toMatchObject({ target: 3_800, targetLabel: '局定目标（县市区）', targetScope: 'county' });
    expect(hengnan.value).toBeGreaterThan(0);
  });

  it('computes and labels everything as of one business date: the configured one (the demo’s 2022-11-30), else today', async () => {
    const demo = await callerAs(database, 'leader', { asOf: '2022-11-30' });
    const kpis = await demo.dashboard.kpis();
    expect(new Set(kpis.map((k) => k.asOfDate))).toEqual(new Set(['2022-11-30']));
    const share = kpis.find((k) => k.id === 'private.compulsory-share')!;
    expect(share).toMatchObject({ targetSource: 'seed', targetLabel: '工作要点', hardCap: true });
    expect(kpis.find((k) => k.id === 'safety.acceptance-overdue')).toMatchObject({ targetSource: 'bureau', targetLabel: '局定目标' });
    const detail = await demo.dashboard.kpi({ kpiId: 'private.compulsory-share' });
    expect(detail.asOfDate).toBe('2022-11-30');
    // The demo sets 石鼓区 a county target of its own (8%); every other county row is judged against the city's and says so.
    const counties = detail.units.filter((u) => u.kind !== 'city');
    expect(counties.find((u) => u.code === '430407')).toMatchObject({ target: 0.08, targetLabel: '局定目标（县市区）' });
    expect(
      counties.filter((u) => u.code !== '430407').every((u) => u.target === 0.05 && u.targetLabel === '工作要点（沿用全市目标）'),
    ).toBe(true);
  });

  it('each KPI carries its English title and formula for the portal in English', async () => {
    const leader = await callerAs(database, 'leader');
    const kpis = await leader.dashboard.kpis();
    for (const k of kpis) expect(k.en?.title, k.id).toMatch(/^[^\u3400-\u9fff]+$/);
    expect((await leader.dashboard.kpi({ kpiId: 'safety.hazards-overdue' })).en).toMatchObject({
      title: 'Hazards schools left past their rectification deadline',
    });
  });

  it('drills city → county → school; the city total is Σ of the units', async () => {
    const leader = await callerAs(database, 'leader');
    const detail = await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' });
    expect(detail.units.reduce((a, u) => a + (u.num ?? 0), 0)).toBe(detail.total.num);
    expect(detail.total.num).toBeGreaterThan(0);
    expect(detail.units.map((u) => u.kind)).toContain('city'); // 局直 schools, beside the map
    expect(detail.cityOwn).toBe('schools');
    const schools = await leader.dashboard.kpiSchools({ kpiId: 'teachers.vacancy-contract', unitCode: '430422' });
    expect(schools.schools.length).toBeGreaterThan(0);
    expect(schools.schools.reduce((a, s) => a + s.num!, 0)).toBe(detail.units.find((u) => u.code === '430422')!.num);
    expect(schools.recordsRoute).toBe('teachers:staffing');
  });

  it('a county sees only itself; another county is NOT_FOUND', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const detail = await hengnan.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' });
    expect(detail.units.map((u) => u.code)).toEqual(['430422']);
    expect(await failure(hengnan.dashboard.kpiSchools({ kpiId: 'teachers.vacancy-contract', unitCode: '430481' }))).toEqual({
      code: 'NOT_FOUND',
      message: '单位不存在或不在您的数据范围内',
    });
    expect(await failure(hengnan.dashboard.kpi({ kpiId: 'nope' as never }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a county sees only the KPIs of the modules it was granted: cards, detail, schools and the export', async () => {
    const leiyang = await callerAs(database, 'leiyang'); // granted 安全管理 and 教师队伍 only
    const kpis = await leiyang.dashboard.kpis();
    expect([...new Set(kpis.map((k) => k.module))].sort()).toEqual(['safety', 'teachers']);
    const refused = { code: 'FORBIDDEN', message: '无权查看该模块的指标' };
    expect(await failure(leiyang.dashboard.kpi({ kpiId: 'private.compulsory-share' }))).toEqual(refused);
    expect(await failure(leiyang.dashboard.kpiSchools({ kpiId: 'private.compulsory-share', unitCode: '430481' }))).toEqual(refused);
    expect((await leiyang.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' })).units.map((u) => u.code)).toEqual(['430481']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await leiyang.dashboard.export()).base64, 'base64') as unknown as ArrayBuffer);
    const titles = (sheet: string) =>
      new Set(
        wb
          .getWorksheet(sheet)!
          .getRows(3, wb.getWorksheet(sheet)!.rowCount - 2)!
          .map((r) => String(r.getCell(sheet === '指标' ? 2 : 1).value)),
      );
    expect(titles('指标')).toEqual(new Set(kpis.map((k) => k.title)));
    for (const t of titles('各县市区')) expect(titles('指标')).toContain(t);
  });

  it('the trend is the daily snapshots, oldest first; the same day twice keeps one point', async () => {
    await takeKpiSnapshot(database.db, new Date('2026-11-01T04:00:00Z'));
    await takeKpiSnapshot(database.db, new Date('2026-11-02T04:00:00Z'));
    await takeKpiSnapshot(database.db, new Date('2026-11-02T09:00:00Z'));
    // Trends and rollups are read at most once a minute: look two minutes later.
    const later = { clock: () => new Date(Date.now() + 120_000) };
    const share = (await (await callerAs(database, 'leader', later)).dashboard.kpis()).find((k) => k.id === 'private.compulsory-share')!;
    expect(share.trend.map((p) => p.on)).toEqual(['2026-11-01', '2026-11-02']);
    expect(share.trend[1]!.value).toBeCloseTo(share.value!);
    const county = (await (await callerAs(database, 'hengnan', later)).dashboard.kpis()).find((k) => k.id === 'private.compulsory-share')!;
    expect(county.trend).toHaveLength(2);
  });
});
