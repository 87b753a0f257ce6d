import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runAidMatching, tables, type Db } from '@hyedu/db';
import { MAX_RECORD_ID } from '@hyedu/domain';
import {
  AidAmount,
  AidItem,
  AidListMapping,
  AidStage,
  AidTargetScope,
  DEFAULT_AID_AMOUNTS,
  DEFAULT_AID_TARGET,
  resolveAidListMapping,
  semesterOf,
  type AidAmounts,
} from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import { actorLevel } from '../../../record-scope.ts';
import { readProcedure, writeProcedure } from '../../../trpc.ts';
import { conflict } from '../../../workflow-step.ts';
import { hasAidRole } from './query.ts';

const { fundingAidSettings: s } = tables;

/** The aid settings in force: the 100% target's scope and the amounts (absent row: the domain's defaults). */
export async function aidSettings(db: Db) {
  const [row] = await db.select().from(s).where(eq(s.id, 1));
  return {
    target: row?.target ?? DEFAULT_AID_TARGET,
    amounts: row?.amounts ?? DEFAULT_AID_AMOUNTS,
    listMapping: row?.listMapping ?? null,
    version: row?.version ?? 0,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The amounts changed: per item, per stage (items left out keep the domain's default). */
const Amounts = z.partialRecord(AidItem, z.partialRecord(AidStage, AidAmount));
/** The amounts saved: each item and stage given, the domain's default for every one left out (an item's other stages kept). */
const withDefaults = (given: z.infer<typeof Amounts>): AidAmounts =>
  Object.fromEntries(AidItem.options.map((item) => [item, { ...DEFAULT_AID_AMOUNTS[item], ...given[item] }])) as AidAmounts;
export const AidSettingsInput = z
  .object({
    target: AidTargetScope,
    amounts: Amounts,
    listMapping: AidListMapping.optional(),
    expectedVersion: z.number().int().min(0).max(MAX_RECORD_ID),
  })
  .strict();

export const aidSettingsRouter = {
  /** Everyone with the module reads the scope of the target and the amounts; the city aid centre may change them. */
  settings: readProcedure('funding').query(async ({ ctx }) => {
    const current = await aidSettings(ctx.db);
    return {
      ...current,
      mapping: resolveAidListMapping(current.listMapping),
      canConfigure: actorLevel(ctx.scope) === 'city' && (await hasAidRole(ctx)),
    };
  }),
  /**
   * The city aid centre sets the target's scope and the amounts; versioned (0: never set), audited. The current
   * semester's matching runs again in the same transaction, so the lists and the KPI count by the new scope at once.
   */
  saveSettings: writeProcedure('funding:aid')
    .input(AidSettingsInput)
    .mutation(async ({ ctx, input }) => {
      if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '资助设置由市学生资助管理中心维护' });
      const out = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(s).where(eq(s.id, 1)).for('update');
        if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
        const values = {
          target: input.target,
          amounts: withDefaults(input.amounts),
          listMapping: input.listMapping ?? row?.listMapping ?? null,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
          version: input.expectedVersion + 1,
        };
        if (row) await tx.update(s).set(values).where(eq(s.id, 1));
        else await tx.insert(s).values({ id: 1, ...values });
        await auditChange(tx, ctx, {
          action: 'funding.aid.saveSettings',
          targetType: 'funding_aid_settings',
          targetId: 1,
          before: row ? { target: row.target, amounts: row.amounts, listMapping: row.listMapping } : null,
          after: { target: values.target, amounts: values.amounts, listMapping: values.listMapping },
        });
        const run = await runAidMatching(tx, {
          semester: semesterOf(ctx.today),
          target: input.target,
          runBy: ctx.identity.username,
          now: ctx.now,
          today: ctx.today,
        });
        return { version: values.version, runId: run.runId };
      });
      return out;
    }),
} satisfies TRPCRouterRecord;
