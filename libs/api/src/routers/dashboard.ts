import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { kpiStatus, type DataScope, type KpiDefinition } from '@hyedu/domain';
import { HENGYANG_KPIS_2022 } from '@hyedu/domain/hengyang';
import { tables, type Db } from '@hyedu/db';
import { KPI_SOURCES } from '../kpi/registry.ts';
import { measureValue, sumMeasures, type Measure } from '../kpi/source.ts';
import { listUnits } from '../queries.ts';
import { readProcedure } from '../trpc.ts';

const { kpiSnapshots } = tables;
const read = readProcedure('plan');
const KpiId = z.string().max(60).refine((id) => HENGYANG_KPIS_2022.some((k) => k.id === id), { message: '指标不存在' });

const definition = (id: string) => HENGYANG_KPIS_2022.find((k) => k.id === id)!;
const describe = (def: KpiDefinition) => ({ id: def.id, title: def.title, module: def.module, itemNo: def.itemNo, phrase: def.phrase, target: def.target, unit: def.unit, direction: def.direction, levels: def.levels, formula: def.formula });
const shown = (def: KpiDefinition, m: Measure | undefined) => {
  const value = measureValue(m);
  return { value, num: m?.num ?? null, den: m?.den ?? null, status: kpiStatus(def, value) };
};

/** The last snapshots of a KPI for one unit ('total' = the city), oldest first. */
async function trend(db: Db, kpiId: string, unitCode: string) {
  const rows = await db
    .select({ takenOn: kpiSnapshots.takenOn, num: kpiSnapshots.num, den: kpiSnapshots.den })
    .from(kpiSnapshots)
    .where(and(eq(kpiSnapshots.kpiId, kpiId), eq(kpiSnapshots.unitCode, unitCode)))
    .orderBy(desc(kpiSnapshots.takenOn))
    .limit(12);
  return rows.reverse().map((r) => ({ on: r.takenOn, value: measureValue(r) }));
}

/** The unit the caller's figures add up to: the city for city-wide scopes, else the county itself. */
const trendUnit = (scope: DataScope) => (scope.kind === 'all' ? 'total' : scope.kind === 'units' && scope.unitCodes.length === 1 ? scope.unitCodes[0]! : null);

/**
 * 领导驾驶舱: every KPI of the catalogue with its value computed live from the modules' records, its status against
 * target, as-of time and trend; drill-down city → county → school. Scoped like everything else: a county sees itself.
 */
export const dashboardRouter = {
  kpis: read.query(async ({ ctx }) => {
    const unit = trendUnit(ctx.scope);
    return Promise.all(
      HENGYANG_KPIS_2022.map(async (def) => {
        const source = KPI_SOURCES.get(def.id);
        const measure = source ? sumMeasures((await source.byUnit(ctx.db, ctx.scope)).values()) : undefined;
        return {
          ...describe(def),
          ...shown(def, measure),
          hasSource: !!source,
          asOf: measure ? ctx.now.toISOString() : null,
          trend: source && unit ? await trend(ctx.db, def.id, unit) : [],
        };
      }),
    );
  }),

  /** One KPI by county-level unit (the league table and the map), with the city total. */
  kpi: read.input(z.object({ kpiId: KpiId }).strict()).query(async ({ ctx, input }) => {
    const def = definition(input.kpiId);
    const source = KPI_SOURCES.get(def.id);
    const byUnit = source ? await source.byUnit(ctx.db, ctx.scope) : new Map<string, Measure>();
    const units = await listUnits(ctx.db, ctx.scope);
    return {
      ...describe(def),
      recordsPath: source?.recordsPath ?? null,
      bySchool: !!source?.bySchool,
      asOf: source ? ctx.now.toISOString() : null,
      total: shown(def, sumMeasures(byUnit.values())),
      units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...shown(def, byUnit.get(u.code)) })),
    };
  }),

  /** One KPI for the schools of one unit (the last drill-down step before the records). */
  kpiSchools: read.input(z.object({ kpiId: KpiId, unitCode: z.string().regex(/^\d{6}$/, { message: '单位代码应为6位数字' }) }).strict()).query(async ({ ctx, input }) => {
    const def = definition(input.kpiId);
    const source = KPI_SOURCES.get(def.id);
    const units = await listUnits(ctx.db, ctx.scope);
    const unit = units.find((u) => u.code === input.unitCode);
    if (!unit) throw new TRPCError({ code: 'NOT_FOUND', message: '单位不存在' });
    const rows = source?.bySchool ? await source.bySchool(ctx.db, ctx.scope, unit.code) : [];
    return {
      ...describe(def),
      county: { code: unit.code, name: unit.kind === 'city' ? '局直' : unit.name },
      recordsPath: source?.recordsPath ?? null,
      schools: rows.map((r) => ({ schoolId: r.schoolId, code: r.code, name: r.name, ...shown(def, r.measure) })),
    };
  }),
} satisfies TRPCRouterRecord;
