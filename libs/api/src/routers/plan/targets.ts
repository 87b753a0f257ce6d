import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { countyTargetRefusal, DivisionCode, KPI_IDS, PlanYear, TARGET_SOURCE_LABELS, type KpiDefinition } from '@hyedu/domain';
import { HENGYANG_KPIS_2022, HENGYANG_KPIS_2022_EN } from '@hyedu/domain/hengyang';
import { auditChange } from '../../audit-change.ts';
import { forgetCountyTargets, yearOf } from '../../kpi/targets.ts';
import { visibleKpis } from '../../kpi/visible.ts';
import { listUnits } from '../../queries.ts';
import { permission, readProcedure, writeProcedure } from '../../trpc.ts';

const { kpiCountyTargets, orgUnits } = tables;
const byCounty = (def: KpiDefinition) => def.levels.includes('county');

const CountyKpiId = z
  .enum(KPI_IDS, { message: '指标不存在或不按县市区计算' })
  .refine((id) => HENGYANG_KPIS_2022.some((k) => k.id === id && byCounty(k)), { message: '指标不存在或不按县市区计算' });

/** Set (a number) or clear (null) one county's target for one KPI and year; the value is checked against the KPI's unit. */
const SetCountyTarget = z
  .object({
    year: PlanYear,
    kpiId: CountyKpiId,
    unitCode: DivisionCode,
    target: z.number({ message: '目标值应为数字' }).nullable(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const def = HENGYANG_KPIS_2022.find((k) => k.id === v.kpiId);
    const refusal = def && v.target !== null ? countyTargetRefusal(def, v.target) : null;
    if (refusal) ctx.addIssue({ code: 'custom', path: ['target'], message: refusal });
  });

/**
 * 县市区目标 (county rows are judged against their county's target, not the city's): the 办公室, which keeps the plan
 * and its KPIs (plan:admin), sets a target per KPI × county-level unit × year; the dashboard judges that county's row
 * against it (else the city's target, labelled 沿用全市目标). Everyone with the plan reads them in their scope: a
 * county its own unit, the KPIs of the modules it reads (the 办公室 every KPI, since it keeps them).
 */
export const targetsRouter = {
  list: readProcedure('plan')
    .input(z.object({ year: PlanYear.optional() }).strict())
    .query(async ({ ctx, input: { year = yearOf(ctx.today) } }) => {
      const admin = await permission(ctx, 'plan:admin', 'write');
      const defs = admin.allowed ? HENGYANG_KPIS_2022 : (await visibleKpis(ctx)).map((v) => v.def);
      const units = (await listUnits(ctx.db, ctx.scope)).filter((u) => u.kind !== 'city');
      const rows = await ctx.db.select().from(kpiCountyTargets).where(eq(kpiCountyTargets.year, year));
      const codes = new Set(units.map((u) => u.code));
      return {
        year,
        canEdit: admin.allowed,
        units: units.map((u) => ({ code: u.code, name: u.name })),
        kpis: defs.filter(byCounty).map((def) => ({
          id: def.id,
          title: def.title,
          en: HENGYANG_KPIS_2022_EN[def.id]?.title ?? null,
          module: def.module,
          itemNo: def.itemNo,
          unit: def.unit,
          direction: def.direction,
          target: def.target,
          targetSource: def.targetSource,
          targetLabel: TARGET_SOURCE_LABELS[def.targetSource],
          counties: rows
            .filter((r) => r.kpiId === def.id && codes.has(r.unitCode))
            .map((r) => ({ unitCode: r.unitCode, target: r.target, setBy: r.setBy, setAt: r.setAt.toISOString() })),
        })),
      };
    }),

  set: writeProcedure('plan:admin')
    .input(SetCountyTarget)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction(async (tx) => {
        const [unit] = await tx
          .select({ code: orgUnits.code, kind: orgUnits.kind })
          .from(orgUnits)
          .where(eq(orgUnits.code, input.unitCode));
        if (!unit || unit.kind === 'city') throw new TRPCError({ code: 'NOT_FOUND', message: '单位不存在或不是县市区' });
        const where = and(
          eq(kpiCountyTargets.kpiId, input.kpiId),
          eq(kpiCountyTargets.unitCode, input.unitCode),
          eq(kpiCountyTargets.year, input.year),
        );
        const [before] = await tx.select({ target: kpiCountyTargets.target }).from(kpiCountyTargets).where(where).for('update');
        const actor = ctx.identity.username;
        if (input.target === null) {
          if (!before) return { changed: false };
          await tx.delete(kpiCountyTargets).where(where);
        } else if (before) {
          if (before.target === input.target) return { changed: false };
          await tx.update(kpiCountyTargets).set({ target: input.target, setBy: actor, setAt: ctx.now }).where(where);
        } else {
          await tx
            .insert(kpiCountyTargets)
            .values({ kpiId: input.kpiId, unitCode: input.unitCode, year: input.year, target: input.target, setBy: actor, setAt: ctx.now });
        }
        await auditChange(tx, ctx, {
          action: 'plan.setCountyTarget',
          targetType: 'kpi_county_target',
          targetId: `${input.year}:${input.kpiId}:${input.unitCode}`,
          before: before ? { target: before.target } : undefined,
          after: input.target === null ? undefined : { target: input.target },
        });
        return { changed: true };
      });
      if (result.changed) forgetCountyTargets(ctx.db, input.year);
      return result;
    }),
} satisfies TRPCRouterRecord;
