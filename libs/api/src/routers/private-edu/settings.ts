import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { authorize, DivisionCode, MAX_RECORD_ID, type DataScope } from '@hyedu/domain';
import {
  DEFAULT_INSPECTION_GRADE_SCALE,
  DEFAULT_PURCHASED_SEATS_COUNT_AS,
  InspectionGradeScale,
  PurchasedSeatsCountAs,
  SchoolYear,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { listUnits } from '../../queries.ts';
import { actorLevel } from '../../record-scope.ts';
import { conflict } from '../../workflow-step.ts';
import { read, write } from './procedures.ts';

const { privateSettings, privateCountyTargets } = tables;

const SettingsVersion = z.number().int().min(0).max(MAX_RECORD_ID);
type Settings = { purchasedSeatsCountAs: PurchasedSeatsCountAs; inspectionGradeScale: InspectionGradeScale };
const DEFAULTS: Settings = {
  purchasedSeatsCountAs: DEFAULT_PURCHASED_SEATS_COUNT_AS,
  inspectionGradeScale: DEFAULT_INSPECTION_GRADE_SCALE,
};

/** The module's settings now (the defaults until the city sets them). */
export async function currentSettings(db: Db): Promise<Settings> {
  const [row] = await db.select().from(privateSettings).where(eq(privateSettings.id, 1));
  return row ? { purchasedSeatsCountAs: row.purchasedSeatsCountAs, inspectionGradeScale: row.inspectionGradeScale } : DEFAULTS;
}

/** Changes some settings on the one row, guarded by its version (0: never set), with the audit record. */
function saveSettings(ctx: AuthedContext, expectedVersion: number, action: string, change: Partial<Settings>) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(privateSettings).where(eq(privateSettings.id, 1)).for('update');
    if ((row?.version ?? 0) !== expectedVersion) throw conflict();
    const before: Settings = row
      ? { purchasedSeatsCountAs: row.purchasedSeatsCountAs, inspectionGradeScale: row.inspectionGradeScale }
      : DEFAULTS;
    const values = { ...before, ...change, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: expectedVersion + 1 };
    if (row) await tx.update(privateSettings).set(values).where(eq(privateSettings.id, 1));
    else await tx.insert(privateSettings).values({ id: 1, ...values });
    const changed = Object.keys(change) as (keyof Settings)[];
    await auditChange(tx, ctx, {
      action,
      targetType: 'private_settings',
      targetId: '1',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: change,
    });
    return { version: values.version };
  });
}

const cityOnly = (scope: DataScope, message: string) => {
  if (actorLevel(scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message });
};

/**
 * The module's configuration: the counting rule for seats the government buys (whether they still count as private)
 * and each county's yearly target cut (调减台账). Both are the city 民办教育科's; counties read them.
 */
export const settingsRouter = {
  get: read.query(async ({ ctx }) => {
    const [row] = await ctx.db.select().from(privateSettings).where(eq(privateSettings.id, 1));
    const codes = (await listUnits(ctx.db, ctx.scope)).map((u) => u.code);
    const targets =
      codes.length === 0
        ? []
        : await ctx.db
            .select({
              unitCode: privateCountyTargets.unitCode,
              schoolYear: privateCountyTargets.schoolYear,
              targetCut: privateCountyTargets.targetCut,
            })
            .from(privateCountyTargets)
            .where(inArray(privateCountyTargets.unitCode, codes))
            .orderBy(privateCountyTargets.unitCode, privateCountyTargets.schoolYear);
    return {
      rule: row?.purchasedSeatsCountAs ?? DEFAULT_PURCHASED_SEATS_COUNT_AS,
      gradeScale: row?.inspectionGradeScale ?? DEFAULT_INSPECTION_GRADE_SCALE,
      version: row?.version ?? 0,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      targets,
      canConfigure: actorLevel(ctx.scope) === 'city' && authorize(ctx.identity.grants, { area: 'private-edu', action: 'write' }).allowed,
    };
  }),

  /** Sets the counting rule (city only); the version guards concurrent changes (0: never set). */
  saveRule: write.input(z.object({ rule: PurchasedSeatsCountAs, expectedVersion: SettingsVersion }).strict()).mutation(({ ctx, input }) => {
    cityOnly(ctx.scope, '只有市教育局民办教育科可以设置计数口径');
    return saveSettings(ctx, input.expectedVersion, 'privateEdu.settings.saveRule', { purchasedSeatsCountAs: input.rule });
  }),

  /** Sets the 年检 grade scale (city only): later conclusions use it; a grade already given keeps its meaning. */
  saveGradeScale: write
    .input(z.object({ scale: InspectionGradeScale, expectedVersion: SettingsVersion }).strict())
    .mutation(({ ctx, input }) => {
      cityOnly(ctx.scope, '只有市教育局民办教育科可以设置年检等次');
      return saveSettings(ctx, input.expectedVersion, 'privateEdu.settings.saveGradeScale', { inspectionGradeScale: input.scale });
    }),

  /** Sets one county's target cut for one census (city only). */
  saveTarget: write
    .input(
      z
        .object({
          unitCode: DivisionCode,
          schoolYear: SchoolYear,
          targetCut: z
            .number({ message: '目标调减人数应为数字' })
            .int({ message: '目标调减人数应为整数' })
            .min(0, { message: '目标调减人数不能为负数' })
            .max(1_000_000, { message: '目标调减人数不能超过1000000' }),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      cityOnly(ctx.scope, '只有市教育局民办教育科可以设置调减目标');
      const units = await listUnits(ctx.db, ctx.scope);
      if (!units.some((u) => u.code === input.unitCode)) throw fieldError('unitCode', '没有这个县市区');
      return ctx.db.transaction(async (tx) => {
        const key = and(eq(privateCountyTargets.unitCode, input.unitCode), eq(privateCountyTargets.schoolYear, input.schoolYear));
        const [before] = await tx.select().from(privateCountyTargets).where(key).for('update');
        const values = { ...input, updatedBy: ctx.identity.username, updatedAt: ctx.now };
        if (before) await tx.update(privateCountyTargets).set(values).where(key);
        else await tx.insert(privateCountyTargets).values(values);
        await auditChange(tx, ctx, {
          action: 'privateEdu.settings.saveTarget',
          targetType: 'private_county_target',
          targetId: `${input.unitCode}:${input.schoolYear}`,
          before: before ? { targetCut: before.targetCut } : undefined,
          after: input,
        });
        return { ok: true as const };
      });
    }),
} satisfies TRPCRouterRecord;
