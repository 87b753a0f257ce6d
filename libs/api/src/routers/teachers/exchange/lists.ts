import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { DivisionCode, RecordId, textField } from '@hyedu/domain';
import {
  backboneShare,
  exchangeBelow,
  ExchangeDirection,
  exchangeNeeded,
  ExchangePlanStatus,
  exchangeRate,
  ExchangeYear,
} from '@hyedu/domain/teachers';
import type { AuthedContext } from '../../../context.ts';
import { Page } from '../../../inputs.ts';
import { containsText, listUnits } from '../../../queries.ts';
import { scoped } from '../../../scoped.ts';
import { eligibleByUnit, exchangedByUnit, exchangeYears, unitScope } from './query.ts';

const { teacherExchangePlans: pl, teacherExchangeRecords: rc, teacherStaff: st, schools, orgUnits } = tables;
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;
export const EXCHANGE_TARGET = 'teacher_exchange_plan';

/** A plan in the caller's scope (a county its own, the city any), or the one NOT_FOUND. */
export const visiblePlan = (ctx: Ctx, id: number) =>
  scoped(
    EXCHANGE_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(pl)
          .where(and(eq(pl.id, id), unitScope(ctx.scope, pl.unitCode)))
      )[0],
  );

export const PlanFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolYear: ExchangeYear.optional(),
  status: ExchangePlanStatus.optional(),
}).strict();
export const RecordFilter = Page.extend({
  planId: RecordId.optional(),
  unitCode: DivisionCode.optional(),
  schoolYear: ExchangeYear.optional(),
  direction: ExchangeDirection.optional(),
  backbone: z.boolean({ message: '请选择是否骨干教师' }).optional(),
  q: textField(20, '姓名').optional(),
}).strict();

export const planWhere = (ctx: Ctx, f: Omit<z.infer<typeof PlanFilter>, 'page' | 'pageSize'>) =>
  and(
    unitScope(ctx.scope, pl.unitCode),
    f.unitCode ? eq(pl.unitCode, f.unitCode) : undefined,
    f.schoolYear ? eq(pl.schoolYear, f.schoolYear) : undefined,
    f.status ? eq(pl.status, f.status) : undefined,
  );
export const recordWhere = (ctx: Ctx, f: Omit<z.infer<typeof RecordFilter>, 'page' | 'pageSize'>) =>
  and(
    unitScope(ctx.scope, rc.unitCode),
    f.planId ? eq(rc.planId, f.planId) : undefined,
    f.unitCode ? eq(rc.unitCode, f.unitCode) : undefined,
    f.schoolYear ? eq(rc.schoolYear, f.schoolYear) : undefined,
    f.direction ? eq(rc.direction, f.direction) : undefined,
    f.backbone === undefined ? undefined : eq(rc.backbone, f.backbone),
    f.q ? containsText(rc.name, f.q) : undefined,
  );

/** The plans with their counts (records, 骨干), newest school year first. */
export const planRows = (ctx: Ctx, where: ReturnType<typeof planWhere>) =>
  ctx.db
    .select({
      id: pl.id,
      unitCode: pl.unitCode,
      unitName: orgUnits.name,
      schoolYear: pl.schoolYear,
      plannedCount: pl.plannedCount,
      status: pl.status,
      returnReason: pl.returnReason,
      submittedAt: pl.submittedAt,
      version: pl.version,
      records: sql<number>`(select count(*) from ${rc} where ${rc.planId} = ${pl.id})::int`,
      backbone: sql<number>`(select count(*) filter (where ${rc.backbone}) from ${rc} where ${rc.planId} = ${pl.id})::int`,
    })
    .from(pl)
    .innerJoin(orgUnits, eq(orgUnits.code, pl.unitCode))
    .where(where)
    .orderBy(desc(pl.schoolYear), asc(orgUnits.sortOrder), asc(pl.id));

const toSchool = sql.raw('"to_school"');
/** The records with their schools' names. */
export const recordRows = (ctx: Ctx, where: ReturnType<typeof recordWhere>) =>
  ctx.db
    .select({
      id: rc.id,
      planId: rc.planId,
      unitCode: rc.unitCode,
      unitName: orgUnits.name,
      schoolYear: rc.schoolYear,
      staffId: rc.staffId,
      name: rc.name,
      fromSchool: schools.name,
      toSchool: sql<string>`(select name from ${schools} ${toSchool} where ${toSchool}.id = ${rc.toSchoolId})`,
      direction: rc.direction,
      backbone: rc.backbone,
      startOn: rc.startOn,
      termYears: rc.termYears,
    })
    .from(rc)
    .innerJoin(schools, eq(schools.id, rc.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, rc.unitCode))
    .where(where)
    .orderBy(asc(orgUnits.sortOrder), desc(rc.schoolYear), asc(rc.id));

/** The county's summary for a school year: eligible, exchanged (the plan's records; `approvedOnly` for the KPI), the ratios. */
export async function summaryOf(ctx: Ctx, schoolYear: string, opts: { unitCode?: string; approvedOnly?: boolean } = {}) {
  const { years } = await exchangeYears(ctx.db);
  const approved = opts.approvedOnly
    ? sql`exists (select 1 from ${pl} where ${pl.id} = ${rc.planId} and ${pl.status} = 'approved')`
    : undefined;
  const [eligible, exchanged, plans, units] = await Promise.all([
    eligibleByUnit(
      ctx.db,
      schoolYear,
      years,
      and(unitScope(ctx.scope, st.unitCode), opts.unitCode ? eq(st.unitCode, opts.unitCode) : undefined),
    ),
    exchangedByUnit(ctx.db, schoolYear, and(unitScope(ctx.scope, rc.unitCode), approved)),
    ctx.db
      .select({ id: pl.id, unitCode: pl.unitCode, status: pl.status, plannedCount: pl.plannedCount })
      .from(pl)
      .where(and(eq(pl.schoolYear, schoolYear), unitScope(ctx.scope, pl.unitCode))),
    listUnits(ctx.db, ctx.scope),
  ]);
  return {
    schoolYear,
    years,
    rows: units
      .filter((u) => u.kind !== 'city' && (!opts.unitCode || u.code === opts.unitCode))
      .map((u) => {
        const plan = plans.find((p) => p.unitCode === u.code) ?? null;
        const e = eligible.get(u.code) ?? 0;
        const x = exchanged.get(u.code) ?? { n: 0, backbone: 0 };
        const rate = exchangeRate(x.n, e);
        const share = backboneShare(x.backbone, x.n);
        return {
          unitCode: u.code,
          unitName: u.name,
          plan,
          eligible: e,
          needed: exchangeNeeded(e),
          exchanged: x.n,
          backbone: x.backbone,
          rate,
          backboneShare: share,
          below: exchangeBelow(rate, share),
        };
      }),
  };
}
