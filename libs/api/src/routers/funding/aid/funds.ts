import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { fenToYuanString, type DataScope } from '@hyedu/domain';
import {
  AID_FUND_STANDING_LABELS,
  AID_ITEM_LABELS,
  AidFundInput,
  AidItem,
  AidSemester,
  DEFAULT_AID_RETENTION,
  fundRefusal,
  fundStanding,
  paidRate,
  semesterLabel,
  semesterOf,
  STAGE_ITEMS,
} from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import { exportBook } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { listUnits } from '../../../queries.ts';
import { actorLevel } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';
import { conflict } from '../../../workflow-step.ts';
import { unitInScope } from '../access.ts';
import { hasAidRole } from './query.ts';

const { fundingAidFunds: fu, fundingAidPayments: p, orgUnits } = tables;
export const FUND_TARGET = 'funding_aid_fund';

/** The funds' filter: a semester (default the business date's) and one item (default all, summed per unit). */
export const FundFilter = z.object({ semester: AidSemester.optional(), item: AidItem.optional() }).strict();
const ITEMS = [...new Set(Object.values(STAGE_ITEMS).flat())];

/**
 * Per unit of the scope (a county its own; a school none: funds belong to budget units) and item: the 预算 and 下达 as
 * entered, 发放 as the aid roll's sum of the same unit, item and semester (regular and 补发), the rate and the standing.
 */
export async function fundRows(db: Db, scope: DataScope, semester: string, today: string) {
  if (scope.kind === 'school') return [];
  const units = await listUnits(db, scope);
  const codes = units.map((u) => u.code);
  if (!codes.length) return [];
  const [entered, paid] = await Promise.all([
    db
      .select()
      .from(fu)
      .where(and(eq(fu.semester, semester), inArray(fu.unitCode, codes))),
    db
      .select({ unitCode: p.unitCode, item: p.item, amount: sql<string>`coalesce(sum(${p.amount}), 0)::bigint` })
      .from(p)
      .where(and(eq(p.semester, semester), inArray(p.unitCode, codes)))
      .groupBy(p.unitCode, p.item),
  ]);
  return units.map((u) => {
    const byItem = ITEMS.map((item) => {
      const f = entered.find((x) => x.unitCode === u.code && x.item === item);
      const paidFen = Number(paid.find((x) => x.unitCode === u.code && x.item === item)?.amount ?? 0);
      const allocated = f?.allocated ?? 0;
      return {
        item,
        budget: f?.budget ?? null,
        allocated,
        allocatedOn: f?.allocatedOn ?? null,
        documentNo: f?.documentNo ?? null,
        note: f?.note ?? null,
        paid: paidFen,
        rate: paidRate(paidFen, allocated),
        standing: fundStanding({ semester, allocated, paid: paidFen }, today),
        version: f?.version ?? 0,
      };
    });
    const sum = (k: 'allocated' | 'paid') => byItem.reduce((a, i) => a + i[k], 0);
    const allocated = sum('allocated');
    const paidFen = sum('paid');
    return {
      unitCode: u.code,
      unitName: u.name,
      byItem,
      budget: byItem.reduce((a, i) => a + (i.budget ?? 0), 0),
      allocated,
      paid: paidFen,
      rate: paidRate(paidFen, allocated),
      standing: fundStanding({ semester, allocated, paid: paidFen }, today),
    };
  });
}

type FundRow = Awaited<ReturnType<typeof fundRows>>[number];
/** One line per unit: the item's figures, or the unit's totals over all items. */
const lineOf = (r: FundRow, item?: AidItem) => {
  const i = item ? r.byItem.find((x) => x.item === item)! : null;
  return i
    ? { budget: i.budget ?? 0, allocated: i.allocated, paid: i.paid, rate: i.rate, standing: i.standing }
    : { budget: r.budget, allocated: r.allocated, paid: r.paid, rate: r.rate, standing: r.standing };
};

export const aidFundsRouter = {
  /**
   * 资助资金 for a semester (everyone with the module: counts only): per unit of the scope the 预算, 下达 and 发放 (from the
   * aid roll) per item and in total, the 发放率 and the 资金滞留 flag (`DEFAULT_AID_RETENTION`, the bureau's rule).
   */
  funds: readProcedure('funding')
    .input(FundFilter)
    .query(async ({ ctx, input }) => {
      const semester = input.semester ?? semesterOf(ctx.today);
      const rows = await fundRows(ctx.db, ctx.scope, semester, ctx.today);
      const lines = rows.map((r) => lineOf(r, input.item));
      const sum = (k: 'budget' | 'allocated' | 'paid') => lines.reduce((a, l) => a + l[k], 0);
      const allocated = sum('allocated');
      const paid = sum('paid');
      return {
        semester,
        semesterLabel: semesterLabel(semester),
        current: semesterOf(ctx.today),
        today: ctx.today,
        items: ITEMS,
        minPaidShare: DEFAULT_AID_RETENTION.minPaidShare,
        canEdit: actorLevel(ctx.scope) === 'city' && (await hasAidRole(ctx)),
        rows,
        total: { budget: sum('budget'), allocated, paid, rate: paidRate(paid, allocated) },
        retained: lines.filter((l) => l.standing === 'retained').length,
      };
    }),

  /**
   * The city aid centre enters a unit's 预算 and 下达 for a semester and item (`fundRefusal`: 下达 within 预算, with its date
   * and 文号); 0 = the first entry, else the version seen (CONFLICT when it moved); audited.
   */
  saveFund: writeProcedure('funding:aid')
    .input(AidFundInput)
    .mutation(async ({ ctx, input }) => {
      // A unit outside the scope and one that does not exist: the same NOT_FOUND; then the city's entry alone.
      const [unit] = await ctx.db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.code, input.unitCode));
      if (!unit || !unitInScope(ctx.scope, input.unitCode)) throw notFound('org_unit', input.unitCode);
      if (actorLevel(ctx.scope) !== 'city')
        throw new TRPCError({ code: 'FORBIDDEN', message: '资助资金的预算与下达由市学生资助管理中心录入' });
      const refusal = fundRefusal(input, ctx.today);
      if (refusal) throw fieldError(refusal.field, refusal.message);
      const allocated = input.allocated > 0;
      const values = {
        budget: input.budget,
        allocated: input.allocated,
        allocatedOn: allocated ? input.allocatedOn! : null,
        documentNo: allocated ? input.documentNo!.trim() : null,
        note: input.note?.trim() || null,
      };
      return ctx.db.transaction(async (tx) => {
        const key = and(eq(fu.unitCode, input.unitCode), eq(fu.semester, input.semester), eq(fu.item, input.item));
        const [row] = await tx.select().from(fu).where(key).for('update');
        if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
        const stamp = { updatedBy: ctx.identity.username, updatedAt: ctx.now };
        const [saved] = row
          ? await tx
              .update(fu)
              .set({ ...values, ...stamp, version: row.version + 1 })
              .where(and(eq(fu.id, row.id), eq(fu.version, row.version)))
              .returning({ id: fu.id, version: fu.version })
          : await tx
              .insert(fu)
              .values({ unitCode: input.unitCode, semester: input.semester, item: input.item, ...values, ...stamp })
              .onConflictDoNothing()
              .returning({ id: fu.id, version: fu.version });
        // A first entry made by someone else at the same moment: the unique key turned this one away.
        if (!saved) throw conflict();
        await auditChange(tx, ctx, {
          action: 'funding.aid.saveFund',
          targetType: FUND_TARGET,
          targetId: saved.id,
          before: row
            ? { budget: row.budget, allocated: row.allocated, allocatedOn: row.allocatedOn, documentNo: row.documentNo, note: row.note }
            : null,
          after: { unit: input.unitCode, semester: input.semester, item: input.item, ...values },
        });
        return saved;
      });
    }),

  /** The funds table as Excel (the page's semester and item). */
  exportFunds: exportProcedure('funding')
    .input(FundFilter)
    .query(async ({ ctx, input }) => {
      const semester = input.semester ?? semesterOf(ctx.today);
      const rows = await fundRows(ctx.db, ctx.scope, semester, ctx.today);
      const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanString(fen));
      return exportBook(
        ctx,
        `资助资金预算下达发放（${semesterLabel(semester)}${input.item ? `，${AID_ITEM_LABELS[input.item].zh}` : ''}）`,
        [
          { key: 'unit', header: '县市区', width: 12 },
          { key: 'item', header: '资助项目', width: 28 },
          { key: 'budget', header: '预算（元）', width: 14 },
          { key: 'allocated', header: '下达（元）', width: 14 },
          { key: 'allocatedOn', header: '下达日期', width: 12 },
          { key: 'documentNo', header: '下达文号', width: 22 },
          { key: 'paid', header: '发放（元）', width: 14 },
          { key: 'rate', header: '发放率', width: 10 },
          { key: 'standing', header: '状态', width: 10 },
        ],
        rows.flatMap((r) =>
          r.byItem
            .filter((i) => (input.item ? i.item === input.item : i.budget !== null || i.paid > 0))
            .map((i) => ({
              unit: r.unitName,
              item: AID_ITEM_LABELS[i.item].zh,
              budget: yuan(i.budget),
              allocated: yuan(i.allocated),
              allocatedOn: i.allocatedOn ?? '',
              documentNo: i.documentNo ?? '',
              paid: yuan(i.paid),
              rate: i.rate === null ? '—' : `${(i.rate * 100).toFixed(1)}%`,
              standing: AID_FUND_STANDING_LABELS[i.standing].zh,
            })),
        ),
      );
    }),
} satisfies TRPCRouterRecord;
