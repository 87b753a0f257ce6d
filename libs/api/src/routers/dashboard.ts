import type { TRPCRouterRecord } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import {
  asOfLabel,
  CITY_OWN_LABELS,
  KPI_STATUS_LABELS,
  KpiId,
  kpiStatus,
  kpiStatusFor,
  TARGET_SOURCE_LABELS,
  targetFor,
  type CountyTargets,
  type DataScope,
  type KpiDefinition,
} from '@hyedu/domain';
import { HENGYANG_KPIS_2022_EN } from '@hyedu/domain/hengyang';
import { writeWorkbook } from '@hyedu/excel';
import type { Context } from '../context.ts';
import { KPI_SOURCES } from '../kpi/registry.ts';
import { inScope, memo, unitRollup } from '../kpi/rollup.ts';
import { measureValue, projectedValue, sumMeasures, type KpiSource, type Measure } from '../kpi/source.ts';
import { countyTargets, yearOf } from '../kpi/targets.ts';
import { visibleKpi, visibleKpis } from '../kpi/visible.ts';
import { listUnits, scopeText } from '../queries.ts';
import { scoped } from '../scoped.ts';
import { exportProcedure, passes, readProcedure } from '../trpc.ts';
import { schoolPageRouter } from './school-page.ts';

/** The page of the records behind a KPI, when the caller may read them (leadership sees 师德 counts, never the cases). */
const recordsRoute = async (ctx: Context, source: KpiSource | undefined) =>
  !source
    ? null
    : !source.recordsArea || (await passes(ctx, { access: 'area', area: source.recordsArea, action: 'read' }))
      ? source.recordsRoute
      : null;

const { kpiSnapshots } = tables;
const read = readProcedure('plan');

const describe = (def: KpiDefinition) => ({
  id: def.id,
  title: def.title,
  module: def.module,
  itemNo: def.itemNo,
  phrase: def.phrase,
  target: def.target,
  unit: def.unit,
  direction: def.direction,
  levels: def.levels,
  formula: def.formula,
  targetSource: def.targetSource,
  targetLabel: TARGET_SOURCE_LABELS[def.targetSource],
  hardCap: def.hardCap ?? false,
  cityOwn: def.cityOwn ?? 'schools',
  en: HENGYANG_KPIS_2022_EN[def.id] ?? null,
});
const shown = (def: KpiDefinition, m: Measure | undefined) => {
  const value = measureValue(m);
  return {
    value,
    num: m?.num ?? null,
    den: m?.den ?? null,
    verified: m?.verified ?? null,
    projected: projectedValue(m),
    status: kpiStatus(def, value),
  };
};
/** A county row, judged against the county's own target (the 办公室's 县市区目标 of the year; none set → the city's), labelled. */
const shownFor = (def: KpiDefinition, unitCode: string | null, m: Measure | undefined, county: CountyTargets) => {
  const value = measureValue(m);
  const t = targetFor(def, unitCode, county);
  return {
    value,
    num: m?.num ?? null,
    den: m?.den ?? null,
    verified: m?.verified ?? null,
    projected: projectedValue(m),
    status: kpiStatusFor(def, unitCode, value, county),
    target: t.target,
    targetLabel: t.label,
    targetScope: t.scope,
  };
};
/** The one county a scope is (a county's own dashboard is its row), or null for the city and several units. */
const ownCounty = (scope: DataScope) => (scope.kind === 'units' && scope.unitCodes.length === 1 ? scope.unitCodes[0]! : null);

/** The last snapshots of a KPI for one unit ('total' = the city), oldest first; read at most once a minute. */
const trend = (db: Db, kpiId: string, unitCode: string, now: Date) =>
  memo(db, `trend:${kpiId}|${unitCode}`, now, () => readTrend(db, kpiId, unitCode));
async function readTrend(db: Db, kpiId: string, unitCode: string) {
  const rows = await db
    .select({ takenOn: kpiSnapshots.takenOn, num: kpiSnapshots.num, den: kpiSnapshots.den })
    .from(kpiSnapshots)
    .where(and(eq(kpiSnapshots.kpiId, kpiId), eq(kpiSnapshots.unitCode, unitCode)))
    .orderBy(desc(kpiSnapshots.takenOn))
    .limit(12);
  return rows.reverse().map((r) => ({ on: r.takenOn, value: measureValue(r) }));
}

/** The unit the caller's figures add up to: the city for city-wide scopes, else the county itself. */
const trendUnit = (scope: DataScope) =>
  scope.kind === 'all' ? 'total' : scope.kind === 'units' && scope.unitCodes.length === 1 ? scope.unitCodes[0]! : null;

/**
 * 领导驾驶舱: every KPI of the catalogue with its value computed live from the modules' records, its status against
 * target, as-of time and trend; drill-down city → county → school. Scoped like everything else: a county sees itself.
 */
export const dashboardRouter = {
  ...schoolPageRouter,
  kpis: read.query(async ({ ctx }) => {
    const county = await countyTargets(ctx.db, yearOf(ctx.today), ctx.now);
    return Promise.all(
      (await visibleKpis(ctx)).map(async ({ def, scope }) => {
        const unit = trendUnit(scope);
        const source = KPI_SOURCES.get(def.id);
        const rollup = source ? await unitRollup(ctx.db, source, ctx.now, ctx.today) : null;
        const measure = rollup ? sumMeasures(inScope(rollup.byUnit, scope).values()) : undefined;
        // A county's cards are its own row: judged against its own target when one is set, labelled either way.
        const own = ownCounty(scope);
        const figures = own
          ? shownFor(def, own, measure, county)
          : {
              ...shown(def, measure),
              target: def.target,
              targetLabel: TARGET_SOURCE_LABELS[def.targetSource],
              targetScope: 'city' as const,
            };
        return {
          ...describe(def),
          ...figures,
          hasSource: !!source,
          asOf: measure && rollup ? rollup.at.toISOString() : null,
          asOfDate: ctx.today,
          trend: source && unit ? await trend(ctx.db, def.id, unit, ctx.now) : [],
        };
      }),
    );
  }),

  /** One KPI by county-level unit (the league table and the map), with the city total. */
  kpi: read.input(z.object({ kpiId: KpiId }).strict()).query(async ({ ctx, input }) => {
    const { def, scope } = await visibleKpi(ctx, input.kpiId);
    const source = KPI_SOURCES.get(def.id);
    const rollup = source ? await unitRollup(ctx.db, source, ctx.now, ctx.today) : null;
    const byUnit = rollup ? inScope(rollup.byUnit, scope) : new Map<string, Measure>();
    const units = await listUnits(ctx.db, scope);
    const county = await countyTargets(ctx.db, yearOf(ctx.today), ctx.now);
    return {
      ...describe(def),
      recordsRoute: await recordsRoute(ctx, source),
      bySchool: !!source?.bySchool,
      asOf: rollup ? rollup.at.toISOString() : null,
      asOfDate: ctx.today,
      total: shown(def, sumMeasures(byUnit.values())),
      units: units.map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        ...shownFor(def, u.kind === 'city' ? null : u.code, byUnit.get(u.code), county),
      })),
    };
  }),

  /** The dashboard as an Excel file: every KPI with its city figure, and every KPI by county-level unit. */
  export: exportProcedure('plan').query(async ({ ctx }) => {
    const fmt = (def: KpiDefinition, v: number | null) =>
      v === null ? '暂无数据' : def.unit === 'ratio' ? `${(v * 100).toFixed(1)}%` : def.unit === 'days' ? `${v.toFixed(1)}天` : String(v);
    const target = (def: KpiDefinition) => `${def.direction === 'at_least' ? '≥' : '≤'} ${fmt(def, def.target)}`;
    const county = await countyTargets(ctx.db, yearOf(ctx.today), ctx.now);
    const summary: Record<string, string | number | null>[] = [];
    const byUnit: Record<string, string | number | null>[] = [];
    for (const { def, scope } of await visibleKpis(ctx)) {
      const source = KPI_SOURCES.get(def.id);
      const measures = source ? inScope((await unitRollup(ctx.db, source, ctx.now, ctx.today)).byUnit, scope) : new Map<string, Measure>();
      const units = source ? await listUnits(ctx.db, scope) : [];
      const total = shown(def, sumMeasures(measures.values()));
      summary.push({
        item: def.itemNo,
        title: def.title,
        value: fmt(def, total.value),
        num: total.num,
        den: total.den,
        target: target(def),
        status: KPI_STATUS_LABELS[total.status],
        formula: def.formula,
      });
      if (!source) continue;
      for (const u of units) {
        const r = shownFor(def, u.kind === 'city' ? null : u.code, measures.get(u.code), county);
        byUnit.push({
          title: def.title,
          unit: u.kind === 'city' ? CITY_OWN_LABELS[def.cityOwn ?? 'schools'].zh : u.name,
          value: fmt(def, r.value),
          num: r.num,
          den: r.den,
          target: `${def.direction === 'at_least' ? '≥' : '≤'} ${fmt(def, r.target)}（${r.targetLabel}）`,
          status: KPI_STATUS_LABELS[r.status],
        });
      }
    }
    const today = ctx.today;
    // The one as-of date every figure is computed for: 数据截至 2022年11月30日.
    const title = `领导驾驶舱指标（${await scopeText(ctx.db, ctx.scope)}，${asOfLabel(today)}）`;
    const buf = await writeWorkbook([
      {
        name: '指标',
        title,
        columns: [
          { key: 'item', header: '事项', width: 6 },
          { key: 'title', header: '指标', width: 36 },
          { key: 'value', header: ctx.scope.kind === 'all' ? '全市' : '本单位', width: 12 },
          { key: 'num', header: '分子', width: 12 },
          { key: 'den', header: '分母', width: 12 },
          { key: 'target', header: '目标', width: 12 },
          { key: 'status', header: '状态', width: 10 },
          { key: 'formula', header: '计算方法', width: 50 },
        ],
        rows: summary,
      },
      {
        name: '各县市区',
        title,
        columns: [
          { key: 'title', header: '指标', width: 36 },
          { key: 'unit', header: '单位', width: 10 },
          { key: 'value', header: '数值', width: 12 },
          { key: 'num', header: '分子', width: 12 },
          { key: 'den', header: '分母', width: 12 },
          { key: 'target', header: '目标', width: 28 },
          { key: 'status', header: '状态', width: 10 },
        ],
        rows: byUnit,
      },
    ]);
    return { filename: `领导驾驶舱指标_${today}.xlsx`, base64: buf.toString('base64'), rows: summary.length + byUnit.length };
  }),

  /** One KPI for the schools of one unit (the last drill-down step before the records). */
  kpiSchools: read
    .input(z.object({ kpiId: KpiId, unitCode: z.string().regex(/^\d{6}$/, { message: '单位代码应为6位数字' }) }).strict())
    .query(async ({ ctx, input }) => {
      const { def, scope } = await visibleKpi(ctx, input.kpiId);
      const source = KPI_SOURCES.get(def.id);
      const unit = await scoped('org_unit', input.unitCode, async () =>
        (await listUnits(ctx.db, scope)).find((u) => u.code === input.unitCode),
      );
      const rows = source?.bySchool ? await source.bySchool(ctx.db, scope, unit.code, ctx.today) : [];
      return {
        ...describe(def),
        county: { code: unit.code, name: unit.kind === 'city' ? '局直' : unit.name },
        recordsRoute: await recordsRoute(ctx, source),
        schools: rows.map((r) => ({ schoolId: r.schoolId, code: r.code, name: r.name, ...shown(def, r.measure) })),
      };
    }),
} satisfies TRPCRouterRecord;
