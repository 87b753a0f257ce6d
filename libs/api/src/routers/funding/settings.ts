import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { authorize, DivisionCode, MAX_RECORD_ID } from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { actorLevel } from '../../record-scope.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { conflict } from '../../workflow-step.ts';
import { checkedUnits } from './spending-rule.ts';

const { fundingSettings: s, orgUnits } = tables;

export const FundingSettingsInput = z
  .object({
    checkedUnits: z.array(DivisionCode).min(1, { message: '至少选择一个核查单位' }).max(50, { message: '核查单位最多50个' }),
    expectedVersion: z.number().int().min(0).max(MAX_RECORD_ID),
  })
  .strict();

/** The module's settings: which budget units the “两个只增不减” check covers (the city's 科室 sets them; everyone reads). */
export const fundingSettingsRouter = {
  get: readProcedure('funding').query(async ({ ctx }) => {
    const [row] = await ctx.db.select().from(s).where(eq(s.id, 1));
    const units = await ctx.db
      .select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind })
      .from(orgUnits)
      .orderBy(asc(orgUnits.sortOrder));
    return {
      checkedUnits: await checkedUnits(ctx.db),
      units,
      version: row?.version ?? 0,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      canConfigure: actorLevel(ctx.scope) === 'city' && authorize(ctx.identity.grants, { area: 'funding', action: 'write' }).allowed,
    };
  }),

  /** Sets the checked units (city only), guarded by the version (0: never set), audited. */
  set: writeProcedure('funding')
    .input(FundingSettingsInput)
    .mutation(async ({ ctx, input }) => {
      if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局可以设置核查单位' });
      const known = new Set((await ctx.db.select({ code: orgUnits.code }).from(orgUnits)).map((u) => u.code));
      const wanted = [...new Set(input.checkedUnits)];
      const unknown = wanted.find((c) => !known.has(c));
      if (unknown) throw fieldError('checkedUnits', `没有单位代码为${unknown}的单位`);
      const out = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(s).where(eq(s.id, 1)).for('update');
        if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
        const before = row?.checkedUnits ?? [...known];
        const values = { checkedUnits: wanted, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: input.expectedVersion + 1 };
        if (row) await tx.update(s).set(values).where(eq(s.id, 1));
        else await tx.insert(s).values({ id: 1, ...values });
        await auditChange(tx, ctx, {
          action: 'funding.settings.set',
          targetType: 'funding_settings',
          targetId: '1',
          before: { checkedUnits: before },
          after: { checkedUnits: wanted },
        });
        return { version: values.version };
      });
      return out;
    }),
} satisfies TRPCRouterRecord;
