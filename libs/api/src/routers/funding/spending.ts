import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { authorize, DivisionCode, RecordId, RecordVersion, textField, type DataScope } from '@hyedu/domain';
import {
  censusYearOf,
  FiscalYear,
  fiscalYearLabel,
  SpendingAction,
  spendingRefusal,
  SpendingReturnInput,
  SpendingReturnUpdate,
  SpendingStatus,
  SPENDING_WORKFLOW as wf,
} from '@hyedu/domain/funding';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { actorLevel } from '../../record-scope.ts';
import { notFound, scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep, conflict } from '../../workflow-step.ts';
import { unitInScope, unitRecordScope } from './access.ts';
import { budgetUnitName, censusPupils, checkedUnits } from './spending-rule.ts';

const { fundingSpendingReturns: r, orgUnits } = tables;
export const SPENDING_TARGET = 'funding_spending_return';
const read = readProcedure('funding');
const write = writeProcedure('funding');

export const SpendingFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  fiscalYear: FiscalYear.optional(),
  status: SpendingStatus.optional(),
}).strict();
export type SpendingFilter = z.infer<typeof SpendingFilter>;
const Id = z.object({ id: RecordId }).strict();
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;

/** The list's filter as SQL (the list and its export). */
export const spendingWhere = (scope: DataScope, f: Omit<SpendingFilter, 'page' | 'pageSize'>): SQL | undefined =>
  and(
    unitRecordScope(scope, r.unitCode),
    f.unitCode ? eq(r.unitCode, f.unitCode) : undefined,
    f.fiscalYear ? eq(r.fiscalYear, f.fiscalYear) : undefined,
    f.status ? eq(r.status, f.status) : undefined,
  );

/** The returns matching `where`, newest year first, then in the organisation's order. */
export const spendingRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      unitCode: r.unitCode,
      unitName: orgUnits.name,
      unitKind: orgUnits.kind,
      fiscalYear: r.fiscalYear,
      budgetSpending: r.budgetSpending,
      reportedPupils: r.reportedPupils,
      status: r.status,
      submittedAt: r.submittedAt,
      reviewedAt: r.reviewedAt,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.fiscalYear), asc(orgUnits.sortOrder), asc(r.id));

/** A return in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Ctx, id: number) =>
  scoped(
    SPENDING_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), unitRecordScope(ctx.scope, r.unitCode)))
      )[0],
  );

const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'funding', action: 'write' }).allowed;
const caseOf = (row: { status: SpendingStatus; submittedBy: string | null }) => ({ state: row.status, submittedBy: row.submittedBy });
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A unit the caller may enter a return for: a county its own (another, and any for a school, is NOT_FOUND, audited), the city any checked unit. */
async function unitToEnter(ctx: AuthedContext, unitCode: string) {
  const level = actorLevel(ctx.scope);
  if (!unitInScope(ctx.scope, unitCode)) throw notFound('org_unit', unitCode);
  const [found] = await ctx.db
    .select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.code, unitCode));
  const unit = found && { code: found.code, name: budgetUnitName(found) };
  if (!unit) throw level === 'city' ? fieldError('unitCode', '没有这个单位') : notFound('org_unit', unitCode);
  if (!(await checkedUnits(ctx.db)).includes(unit.code)) throw fieldError('unitCode', `${unit.name}不在“两个只增不减”核查单位之列`);
  return unit;
}

const refuseAmounts = (input: Pick<SpendingReturnInput, 'budgetSpending' | 'byStage'>) => {
  const refusal = spendingRefusal(input);
  if (refusal) throw fieldError(refusal.field, refusal.message);
};

/** 教育经费决算填报: the returns of the caller's units, one return, entering and correcting a draft, its review and history. */
export const spendingRouter = {
  list: read.input(SpendingFilter).query(async ({ ctx, input }) => {
    const where = spendingWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      spendingRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx) && actorLevel(ctx.scope) !== 'school',
      rows: rows.map(({ unitKind, ...x }) => ({
        ...x,
        unitName: budgetUnitName({ kind: unitKind, name: x.unitName }),
        label: fiscalYearLabel(x.fiscalYear),
        createdAt: x.createdAt.toISOString(),
        submittedAt: iso(x.submittedAt),
        reviewedAt: iso(x.reviewedAt),
      })),
    };
  }),

  /** One return with its unit, the census pupils of its year, and the caller's steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [unit] = await ctx.db.select({ name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.code, row.unitCode));
    const census = (await censusPupils(ctx.db, [row.unitCode], [row.fiscalYear])).get(`${row.unitCode}:${row.fiscalYear}`) ?? null;
    const writes = canWrite(ctx);
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      ...row,
      unitName: unit ? budgetUnitName(unit) : row.unitCode,
      label: fiscalYearLabel(row.fiscalYear),
      censusYear: censusYearOf(row.fiscalYear),
      censusPupils: census,
      createdAt: row.createdAt.toISOString(),
      submittedAt: iso(row.submittedAt),
      reviewedAt: iso(row.reviewedAt),
      canEdit: writes && row.status === 'draft',
      allowed: writes ? wf.allowed(caseOf(row), actor) : [],
      corrections: writes ? wf.corrections(caseOf(row), actor) : [],
    };
  }),

  /** A unit's return for one 决算 year, as a draft (one per unit and year). */
  create: write.input(SpendingReturnInput).mutation(async ({ ctx, input }) => {
    const unit = await unitToEnter(ctx, input.unitCode);
    refuseAmounts(input);
    const key = and(eq(r.unitCode, unit.code), eq(r.fiscalYear, input.fiscalYear));
    const [dup] = await ctx.db.select({ id: r.id }).from(r).where(key);
    if (dup) throw fieldError('fiscalYear', `${unit.name}${fiscalYearLabel(input.fiscalYear)}已填报，请在原填报中修改`);
    const out = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          unitCode: unit.code,
          fiscalYear: input.fiscalYear,
          budgetSpending: input.budgetSpending,
          byStage: input.byStage ?? {},
          reportedPupils: input.reportedPupils ?? null,
          note: input.note || null,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, { action: 'funding.spending.create', targetType: SPENDING_TARGET, targetId: row!.id, after: input });
      return row!;
    });
    return out;
  }),

  /** Corrects a draft (a new one or one returned or reopened); a stale version is a CONFLICT. */
  update: write.input(SpendingReturnUpdate).mutation(async ({ ctx, input }) => {
    const seen = await visible(ctx, input.id);
    refuseAmounts(input);
    const out = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(r).where(eq(r.id, seen.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw conflict();
      if (row.status !== 'draft') throw new TRPCError({ code: 'CONFLICT', message: '只有待提交的决算填报可以修改' });
      const values = {
        budgetSpending: input.budgetSpending,
        byStage: input.byStage ?? {},
        reportedPupils: input.reportedPupils ?? null,
        note: input.note || null,
      };
      const [updated] = await tx
        .update(r)
        .set({ ...values, version: row.version + 1 })
        .where(eq(r.id, row.id))
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'funding.spending.update',
        targetType: SPENDING_TARGET,
        targetId: row.id,
        before: { budgetSpending: row.budgetSpending, byStage: row.byStage, reportedPupils: row.reportedPupils, note: row.note },
        after: values,
      });
      return updated!;
    });
    return out;
  }),

  /** 提交 (the unit); 审核通过, 退回 (with a reason) and 退回修订 of an accepted return (with a reason), by the city. */
  step: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: RecordVersion, action: SpendingAction, reason: textField(500, '原因').optional() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await visible(ctx, input.id);
      const who = ctx.identity.username;
      const out = await applyStep(ctx, {
        wf,
        table: r,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf,
        changes: () =>
          input.action === 'submit'
            ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
            : input.action === 'accept'
              ? { reviewedBy: who, reviewedAt: ctx.now }
              : { returnReason: input.reason ?? null, reviewedBy: who, reviewedAt: ctx.now },
        audit: { targetType: SPENDING_TARGET },
      });
      return out;
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, SPENDING_TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
