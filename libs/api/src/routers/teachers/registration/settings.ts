import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { authorize, MAX_RECORD_ID } from '@hyedu/domain';
import { DEFAULT_REGISTRATION_RULES, RegistrationRules } from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import { actorLevel } from '../../../record-scope.ts';
import { conflict } from '../../../workflow-step.ts';
import { read, write } from './procedures.ts';
import { registrationRules } from './standing.ts';

const { teacherRegistrationRules: rr } = tables;
export const RULES_TARGET = 'teacher_registration_rules';
const SettingsVersion = z.number({ message: '缺少记录版本，请刷新后重试' }).int().min(0).max(MAX_RECORD_ID);

/** The registration rules: everyone of the module reads them; the city 科室 changes them (version-guarded, audited). */
export const registrationSettingsRouter = {
  rules: read.query(async ({ ctx }) => {
    const rules = await registrationRules(ctx.db);
    return {
      ...rules,
      defaults: DEFAULT_REGISTRATION_RULES,
      canEdit: actorLevel(ctx.scope) === 'city' && authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed,
    };
  }),

  saveRules: write.input(RegistrationRules.extend({ expectedVersion: SettingsVersion }).strict()).mutation(({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局可以设置定期注册规则' });
    const { expectedVersion, ...rules } = input;
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(rr).where(eq(rr.id, 1)).for('update');
      if ((row?.version ?? 0) !== expectedVersion) throw conflict();
      const values = { ...rules, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: expectedVersion + 1 };
      if (row) await tx.update(rr).set(values).where(eq(rr.id, 1));
      else await tx.insert(rr).values({ id: 1, ...values });
      await auditChange(tx, ctx, {
        action: 'teachers.registration.saveRules',
        targetType: RULES_TARGET,
        targetId: '1',
        before: row ? { periodYears: row.periodYears, minHours: row.minHours, dueSoonDays: row.dueSoonDays } : DEFAULT_REGISTRATION_RULES,
        after: rules,
      });
      return { version: values.version };
    });
  }),
} satisfies TRPCRouterRecord;
