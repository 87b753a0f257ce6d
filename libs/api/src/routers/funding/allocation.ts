import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { authorize, PlanYear } from '@hyedu/domain';
import { AllocationInput, allocationRefusal, SEAT_AREA_LABELS, SEAT_SECTOR_LABELS } from '@hyedu/domain/funding';
import { auditChange } from '../../audit-change.ts';
import { exportBook } from '../../exports.ts';
import { fieldError } from '../../field-error.ts';
import { forgetCountyTargets } from '../../kpi/targets.ts';
import { listUnits } from '../../queries.ts';
import { actorLevel } from '../../record-scope.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { unitRecordScope } from './access.ts';
import { seatPlanOf } from './seat-plan.ts';

const { fundingSeatAllocations: a, fundingAllocationVersions: v, kpiCountyTargets: kt, orgUnits } = tables;
const read = readProcedure('funding');
const write = writeProcedure('funding');
const exporter = exportProcedure('funding');
const KPI = 'funding.seats-delivered';
const Year = z.object({ year: PlanYear }).strict();
const CONFLICT = () => new TRPCError({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });

const planOf = (year: number) => {
  const plan = seatPlanOf(year);
  if (!plan) throw fieldError('year', `${year}年没有学位建设任务`);
  return plan;
};

/** A year's allocation in the caller's scope (a county reads its own rows). */
const rowsOf = (ctx: { db: Parameters<typeof listUnits>[0]; scope: Parameters<typeof listUnits>[1] }, year: number) =>
  ctx.db
    .select({ unitCode: a.unitCode, unitName: orgUnits.name, sector: a.sector, area: a.area, seats: a.seats })
    .from(a)
    .innerJoin(orgUnits, eq(orgUnits.code, a.unitCode))
    .where(and(eq(a.year, year), unitRecordScope(ctx.scope, a.unitCode)))
    .orderBy(asc(orgUnits.sortOrder), asc(a.sector), asc(a.area));

const byUnit = (rows: readonly { unitCode: string; seats: number }[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.unitCode] = (out[r.unitCode] ?? 0) + r.seats;
  return out;
};

/**
 * The allocation of the seat target (the 科室's, per unit × 普通中小学/职业学校 × 城区/农村): it must add up to the
 * target exactly. Each unit's share is also its county target of the KPI `funding.seats-delivered`, so the dashboard
 * judges a county against its allocation.
 */
export const allocationRouter = {
  get: read.input(Year).query(async ({ ctx, input }) => {
    const plan = planOf(input.year);
    const [rows, [ver], units] = await Promise.all([
      rowsOf(ctx, input.year),
      ctx.db.select().from(v).where(eq(v.year, input.year)),
      listUnits(ctx.db, ctx.scope),
    ]);
    const writable = authorize(ctx.identity.grants, { area: 'funding', action: 'write' }).allowed;
    return {
      year: input.year,
      target: plan.target,
      version: ver?.version ?? 0,
      updatedBy: ver?.updatedBy ?? null,
      updatedAt: ver?.updatedAt.toISOString() ?? null,
      units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
      rows,
      sum: rows.reduce((s, r) => s + r.seats, 0),
      canEdit: writable && actorLevel(ctx.scope) === 'city',
    };
  }),

  /** The city's 科室 sets the year's allocation: every row at once, summing to the target (versioned). */
  set: write.input(AllocationInput).mutation(async ({ ctx, input }) => {
    const plan = planOf(input.year);
    const units = (await ctx.db.select({ code: orgUnits.code }).from(orgUnits)).map((u) => u.code);
    const refusal = allocationRefusal(input.rows, plan.target, units);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '学位建设任务由市教育局分配' });
    const out = await ctx.db.transaction(async (tx) => {
      const stamp = { updatedBy: ctx.identity.username, updatedAt: ctx.now };
      const [claimed] =
        input.expectedVersion === 0
          ? await tx
              .insert(v)
              .values({ year: input.year, version: 1, ...stamp })
              .onConflictDoNothing()
              .returning({ version: v.version })
          : await tx
              .update(v)
              .set({ version: sql`${v.version} + 1`, ...stamp })
              .where(and(eq(v.year, input.year), eq(v.version, input.expectedVersion)))
              .returning({ version: v.version });
      if (!claimed) throw CONFLICT();
      const before = await tx.select({ unitCode: a.unitCode, seats: a.seats }).from(a).where(eq(a.year, input.year));
      await tx.delete(a).where(eq(a.year, input.year));
      const rows = input.rows.filter((r) => r.seats > 0);
      if (rows.length) await tx.insert(a).values(rows.map((r) => ({ ...r, year: input.year })));
      const shares = byUnit(rows);
      await tx.delete(kt).where(and(eq(kt.kpiId, KPI), eq(kt.year, input.year)));
      const targets = Object.entries(shares).map(([unitCode, target]) => ({
        kpiId: KPI,
        unitCode,
        year: input.year,
        target,
        ...stampOf(stamp),
      }));
      if (targets.length) await tx.insert(kt).values(targets);
      await auditChange(tx, ctx, {
        action: 'funding.allocation.set',
        targetType: 'funding_allocation',
        targetId: input.year,
        before: { byUnit: byUnit(before) },
        after: { byUnit: shares, sum: plan.target },
      });
      return { year: input.year, version: claimed.version };
    });
    forgetCountyTargets(ctx.db, input.year);
    return out;
  }),

  export: exporter.input(Year).query(async ({ ctx, input }) => {
    planOf(input.year);
    const rows = await rowsOf(ctx, input.year);
    return exportBook(
      ctx,
      `${input.year}年学位建设任务分配`,
      [
        { key: 'unitName', header: '单位', width: 12 },
        { key: 'sector', header: '学校类别', width: 12 },
        { key: 'area', header: '城乡', width: 8 },
        { key: 'seats', header: '分配学位数', width: 12 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        sector: SEAT_SECTOR_LABELS[r.sector].zh,
        area: SEAT_AREA_LABELS[r.area].zh,
        seats: r.seats,
      })),
    );
  }),
} satisfies TRPCRouterRecord;

const stampOf = (s: { updatedBy: string; updatedAt: Date }) => ({ setBy: s.updatedBy, setAt: s.updatedAt });
