import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { authorize } from '@hyedu/domain';
import {
  FIVE_ITEMS_DEFAULT_DUE,
  FIVE_ITEMS_DEFAULT_WORK_END,
  FIVE_ITEMS_TERM_LABELS,
  FiveItemsDueInput,
  FiveItemsTerm,
  FiveItemsWorkEndInput,
  type FiveItemsSettings,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { listUnits } from '../../../queries.ts';
import { actorLevel } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { conflict } from '../../../workflow-step.ts';
import { cityCode } from '../../plan/access.ts';
import { read, write } from '../procedures.ts';

const { privateFiveItemsWorkEnd: we, privateFiveItemsDue: due } = tables;
export const SETTINGS_TARGET = 'private_five_items_settings';

/** The settings in force: the city's 下班时间 (its code's row, else the bureau's default), each county's own, each term's due date. */
export async function fiveItemsSettings(db: Db): Promise<FiveItemsSettings & { city: string }> {
  const [city, ends, dues] = await Promise.all([cityCode(db), db.select().from(we), db.select().from(due)]);
  const countyWorkEnd: Record<string, string> = {};
  for (const e of ends) if (e.unitCode !== city) countyWorkEnd[e.unitCode] = e.workEnd;
  const dueDates = { ...FIVE_ITEMS_DEFAULT_DUE };
  for (const d of dues) dueDates[d.term] = d.due;
  return { city, workEnd: ends.find((e) => e.unitCode === city)?.workEnd ?? FIVE_ITEMS_DEFAULT_WORK_END, countyWorkEnd, due: dueDates };
}

const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'private-edu', action: 'write' }).allowed;

/**
 * 五项管理 settings: 下班时间 (the city's default, each county's own — a county sets its own, the city any) and each
 * term's due date (the city). Each value is versioned (0: never set) and every change audited.
 */
export const fiveItemsSettingsRouter = {
  settings: read.query(async ({ ctx }) => {
    const [s, ends, dues, units] = await Promise.all([
      fiveItemsSettings(ctx.db),
      ctx.db.select().from(we),
      ctx.db.select().from(due),
      listUnits(ctx.db, ctx.scope),
    ]);
    const level = actorLevel(ctx.scope);
    const writes = canWrite(ctx) && level !== 'school';
    const own = (code: string) => ends.find((e) => e.unitCode === code);
    return {
      city: { unitCode: s.city, workEnd: s.workEnd, version: own(s.city)?.version ?? 0, canEdit: writes && level === 'city' },
      counties: units
        .filter((u) => u.code !== s.city)
        .map((u) => ({
          unitCode: u.code,
          unitName: u.name,
          workEnd: s.countyWorkEnd[u.code] ?? null,
          inForce: s.countyWorkEnd[u.code] ?? s.workEnd,
          version: own(u.code)?.version ?? 0,
          canEdit: writes,
        })),
      terms: FiveItemsTerm.options.map((term) => ({
        term,
        label: FIVE_ITEMS_TERM_LABELS[term].zh,
        due: s.due[term],
        isDefault: !dues.some((d) => d.term === term),
        version: dues.find((d) => d.term === term)?.version ?? 0,
        canEdit: writes && level === 'city',
      })),
    };
  }),

  /** Sets the 下班时间 of the city (no unit) or of a county: a county its own, the city any. */
  saveWorkEnd: write.input(FiveItemsWorkEndInput).mutation(async ({ ctx, input }) => {
    const level = actorLevel(ctx.scope);
    const city = await cityCode(ctx.db);
    const unitCode = input.unitCode ?? city;
    if (level === 'school' || (unitCode === city && level !== 'city'))
      throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局可以设置全市默认下班时间' });
    if (!(await listUnits(ctx.db, ctx.scope)).some((u) => u.code === unitCode))
      throw level === 'city' ? fieldError('unitCode', '没有这个县市区') : notFound('org_unit', unitCode);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(we).where(eq(we.unitCode, unitCode)).for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const values = { workEnd: input.workEnd, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: input.expectedVersion + 1 };
      if (row) await tx.update(we).set(values).where(eq(we.unitCode, unitCode));
      else await tx.insert(we).values({ unitCode, ...values });
      await auditChange(tx, ctx, {
        action: 'privateEdu.fiveItems.saveWorkEnd',
        targetType: SETTINGS_TARGET,
        targetId: `workEnd:${unitCode}`,
        before: { workEnd: row?.workEnd ?? null },
        after: { workEnd: input.workEnd },
      });
      return { version: values.version };
    });
  }),

  /** Sets a term's due date (the city). */
  saveDue: write.input(FiveItemsDueInput).mutation(async ({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局可以设置报送截止日期' });
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(due).where(eq(due.term, input.term)).for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const values = { due: input.dueDate, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: input.expectedVersion + 1 };
      if (row) await tx.update(due).set(values).where(eq(due.term, input.term));
      else await tx.insert(due).values({ term: input.term, ...values });
      await auditChange(tx, ctx, {
        action: 'privateEdu.fiveItems.saveDue',
        targetType: SETTINGS_TARGET,
        targetId: `due:${input.term}`,
        before: { due: row?.due ?? FIVE_ITEMS_DEFAULT_DUE[input.term] },
        after: { due: input.dueDate },
      });
      return { version: values.version };
    });
  }),
} satisfies TRPCRouterRecord;
