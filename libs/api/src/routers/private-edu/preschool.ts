import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, like, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { targetFor, type DataScope } from '@hyedu/domain';
import { HENGYANG_KPIS_2022 } from '@hyedu/domain/hengyang';
import { grossEnrolmentRate, meetsGrossEnrolmentTarget, PreschoolPopulationInput, SchoolYear } from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { Page } from '../../inputs.ts';
import type { Measure } from '../../kpi/source.ts';
import { countyTargets, yearOf } from '../../kpi/targets.ts';
import { listUnits, schoolWhere } from '../../queries.ts';
import { actorLevel } from '../../record-scope.ts';
import { conflict } from '../../workflow-step.ts';
import { censusYears } from './census.ts';
import { canWrite } from './inspection-access.ts';
import { read, write } from './procedures.ts';

const { privatePreschoolPopulations: pop, schools, schoolCensus, schoolEnrolment } = tables;
const TARGET = 'private_preschool_population';
const KPI = 'private.preschool-gross-enrolment';

/** 在园 children (K1–K3 of one 学年初 census, every ownership) per unit of the scope. */
async function childrenByUnit(db: Db, scope: DataScope, year: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ unitCode: schools.unitCode, n: sql<number>`sum(${schoolEnrolment.students})::int` })
    .from(schoolCensus)
    .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
    .innerJoin(
      schoolEnrolment,
      and(
        eq(schoolEnrolment.schoolId, schoolCensus.schoolId),
        eq(schoolEnrolment.schoolYear, schoolCensus.schoolYear),
        like(schoolEnrolment.grade, 'K%'),
      ),
    )
    .where(and(eq(schoolCensus.schoolYear, year), schoolWhere(scope)))
    .groupBy(schools.unitCode);
  return new Map(rows.map((r) => [r.unitCode, r.n]));
}

/** The populations entered for one school year, by unit. */
const populationsOf = (db: Db, year: string) => db.select().from(pop).where(eq(pop.schoolYear, year));

/**
 * 学前三年毛入园率 of one census per unit: a county with its population entered counts its children over it; one without
 * is left out (暂无数据, and out of the city's figure); the 局直 kindergartens (the city's own code, which has no
 * population of its own) add their children to the city's numerator only.
 */
export async function grossEnrolmentMeasures(db: Db, scope: DataScope, year: string): Promise<Map<string, Measure>> {
  const [children, populations, units] = await Promise.all([
    childrenByUnit(db, scope, year),
    populationsOf(db, year),
    listUnits(db, scope),
  ]);
  const out = new Map<string, Measure>();
  for (const u of units) {
    const p = populations.find((x) => x.unitCode === u.code);
    const n = children.get(u.code) ?? 0;
    if (u.kind === 'city') {
      if (n > 0) out.set(u.code, { num: n, den: 0 });
    } else if (p) out.set(u.code, { num: n, den: p.population });
  }
  return out;
}

export const PreschoolFilter = Page.extend({ schoolYear: SchoolYear.optional() }).strict();

/**
 * 学前人口: each county's resident population aged 3–5 per school year, entered by the county's bureau (the city for any
 * county), with the 毛入园率 of that year's census beside it.
 */
export const preschoolRouter = {
  list: read.input(PreschoolFilter).query(async ({ ctx, input }) => {
    const years = await censusYears(ctx.db);
    const year = input.schoolYear ?? years.at(-1) ?? null;
    const level = actorLevel(ctx.scope);
    const editable = canWrite(ctx.identity.grants) && level !== 'school';
    const def = HENGYANG_KPIS_2022.find((k) => k.id === KPI)!;
    if (year === null)
      return { years, schoolYear: null, total: 0, page: 1, pageSize: input.pageSize, rows: [], city: null, target: def.target };
    const [children, populations, units, measures, county] = await Promise.all([
      childrenByUnit(ctx.db, ctx.scope, year),
      populationsOf(ctx.db, year),
      listUnits(ctx.db, ctx.scope),
      grossEnrolmentMeasures(ctx.db, ctx.scope, year),
      countyTargets(ctx.db, yearOf(ctx.today), ctx.now),
    ]);
    const all = units
      .filter((u) => u.kind !== 'city')
      .map((u) => {
        const p = populations.find((x) => x.unitCode === u.code);
        const n = children.get(u.code) ?? 0;
        const rate = grossEnrolmentRate(n, p?.population);
        const target = targetFor(def, u.code, county).target;
        return {
          unitCode: u.code,
          unitName: u.name,
          children: n,
          population: p?.population ?? null,
          rate,
          target,
          meets: meetsGrossEnrolmentTarget(rate, target),
          version: p?.version ?? 0,
          updatedBy: p?.updatedBy ?? null,
          updatedAt: p?.updatedAt.toISOString() ?? null,
          canEdit: editable,
        };
      });
    let num = 0;
    let den = 0;
    for (const m of measures.values()) {
      num += m.num;
      den += m.den ?? 0;
    }
    const cityRate = grossEnrolmentRate(num, den);
    return {
      years,
      schoolYear: year,
      total: all.length,
      page: input.page,
      pageSize: input.pageSize,
      rows: all.slice((input.page - 1) * input.pageSize, input.page * input.pageSize),
      city:
        level === 'city'
          ? { children: num, population: den, rate: cityRate, meets: meetsGrossEnrolmentTarget(cityRate, def.target) }
          : null,
      target: def.target,
    };
  }),

  /** Enters or corrects one county's population for one school year (the county for itself, the city for any county). */
  save: write.input(PreschoolPopulationInput).mutation(async ({ ctx, input }) => {
    const level = actorLevel(ctx.scope);
    if (level === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '学前人口由县市区教育局填报' });
    const units = await listUnits(ctx.db, ctx.scope);
    const unit = units.find((u) => u.code === input.unitCode);
    if (level === 'county' && !unit) throw new TRPCError({ code: 'FORBIDDEN', message: '只能填报本县市区的学前人口' });
    if (!unit || unit.kind === 'city') throw fieldError('unitCode', '没有这个县市区');
    return ctx.db.transaction(async (tx) => {
      const key = and(eq(pop.unitCode, input.unitCode), eq(pop.schoolYear, input.schoolYear));
      const [before] = await tx.select().from(pop).where(key).for('update');
      if ((before?.version ?? 0) !== input.expectedVersion) throw conflict();
      const values = { population: input.population, updatedBy: ctx.identity.username, updatedAt: ctx.now };
      const [row] = before
        ? await tx
            .update(pop)
            .set({ ...values, version: before.version + 1 })
            .where(and(key, eq(pop.version, before.version)))
            .returning({ version: pop.version })
        : await tx
            .insert(pop)
            .values({ unitCode: input.unitCode, schoolYear: input.schoolYear, ...values })
            .onConflictDoNothing()
            .returning({ version: pop.version });
      if (!row) throw conflict();
      await auditChange(tx, ctx, {
        action: 'privateEdu.preschool.save',
        targetType: TARGET,
        targetId: `${input.unitCode}:${input.schoolYear}`,
        before: before ? { population: before.population } : undefined,
        after: { unitCode: input.unitCode, schoolYear: input.schoolYear, population: input.population },
      });
      return { version: row.version };
    });
  }),
} satisfies TRPCRouterRecord;
