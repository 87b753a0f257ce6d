import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { fenToYuanString, RecordId, RecordVersion, textField } from '@hyedu/domain';
import {
  bonusLate as bonusLateRule,
  PAY_EDITABLE,
  PayAction,
  payBelowBenchmark,
  payCase,
  payFindings,
  payRefusals,
  PayReturnInput,
  PAY_RETURN_WORKFLOW as wf,
  type PayFigures,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { actorLevel } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { applyStep, conflict } from '../../../workflow-step.ts';
import { unitRecordScope } from '../../funding/access.ts';
import { comparison, ComparisonInput, filtered } from './comparison.ts';
import { canWrite, exporter, iso, read, write } from './procedures.ts';
import { PayFilter, payRows, payWhere } from './query.ts';
import { rectificationRouter } from './rectifications.ts';
import { unitToEnter } from './units.ts';

const { teacherPayReturns: r, orgUnits } = tables;
export const PAY_TARGET = 'teacher_pay_return';
const Id = z.object({ id: RecordId }).strict();
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;

/** A return in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Ctx, id: number) =>
  scoped(
    PAY_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), unitRecordScope(ctx.scope, r.unitCode)))
      )[0],
  );

/** The figures as stored, with the rules' verdicts. */
function stored(f: PayFigures) {
  return {
    teacherAvgPay: f.teacherAvgPay,
    civilServantAvgPay: f.civilServantAvgPay,
    teacherBasePay: f.teacherBasePay ?? null,
    teacherPerformancePay: f.teacherPerformancePay ?? null,
    teacherBonus: f.teacherBonus ?? null,
    linkageEstablished: f.linkageEstablished,
    linkageDocument: f.linkageDocument || null,
    civilServantBonusOn: f.civilServantBonusOn ?? null,
    teacherBonusOn: f.teacherBonusOn ?? null,
    note: f.note || null,
    below: payBelowBenchmark(f),
    bonusLate: bonusLateRule(f),
  };
}
const judgedOf = (row: typeof r.$inferSelect) => ({
  teacherAvgPay: row.teacherAvgPay,
  civilServantAvgPay: row.civilServantAvgPay,
  civilServantBonusOn: row.civilServantBonusOn ?? undefined,
  teacherBonusOn: row.teacherBonusOn ?? undefined,
});
const figuresOf = (row: typeof r.$inferSelect): PayFigures => ({
  ...judgedOf(row),
  teacherBasePay: row.teacherBasePay ?? undefined,
  teacherPerformancePay: row.teacherPerformancePay ?? undefined,
  teacherBonus: row.teacherBonus ?? undefined,
  linkageEstablished: row.linkageEstablished,
  linkageDocument: row.linkageDocument ?? undefined,
  note: row.note ?? undefined,
});
const auditView = (x: ReturnType<typeof stored>) => {
  const { below: _b, bonusLate: _l, ...rest } = x;
  return rest;
};

/** Save: a unit's return for a year — new (no version), or the one on record (with the version the caller saw). */
const PaySave = PayReturnInput.extend({ expectedVersion: RecordVersion.optional() }).strict();

const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanString(fen));
const percent = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(2)}%`);

/** 教师工资保障: the returns (list, one, save, review steps, history, export) and the yearly comparison per county. */
export const payRouter = {
  list: read.input(PayFilter).query(async ({ ctx, input }) => {
    const where = payWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      payRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx) && actorLevel(ctx.scope) !== 'school',
      rows: rows.map((x) => ({ ...x, submittedAt: iso(x.submittedAt) })),
    };
  }),

  /** One return with its unit, its findings and the caller's steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [unit] = await ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, row.unitCode));
    const writes = canWrite(ctx);
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      ...row,
      unitName: unit?.name ?? row.unitCode,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      submittedAt: iso(row.submittedAt),
      decidedAt: iso(row.decidedAt),
      findings: payFindings(judgedOf(row)),
      canEdit: writes && PAY_EDITABLE.includes(row.status),
      allowed: writes ? wf.allowed(payCase(row), actor) : [],
    };
  }),

  /**
   * Enters a unit's return for a year as a draft, or corrects the one on record while 待提交 or 已退回 (a county its own,
   * the city's 科室 for any county). Correcting needs the version the caller saw; a stale one is a CONFLICT.
   */
  save: write.input(PaySave).mutation(async ({ ctx, input }) => {
    const unit = await unitToEnter(ctx, input.unitCode);
    const { unitCode: _u, year, expectedVersion, ...figures } = input;
    const [first] = payRefusals(figures, year);
    if (first) throw fieldError(first.field, first.message);
    const values = stored(figures);
    const who = ctx.identity.username;
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(r)
        .where(and(eq(r.unitCode, unit.code), eq(r.year, year)))
        .for('update');
      if (!row) {
        if (expectedVersion !== undefined) throw conflict();
        const [made] = await tx
          .insert(r)
          .values({
            unitCode: unit.code,
            year,
            status: wf.initial,
            ...values,
            createdBy: who,
            createdAt: ctx.now,
            updatedBy: who,
            updatedAt: ctx.now,
          })
          .onConflictDoNothing({ target: [r.unitCode, r.year] })
          .returning({ id: r.id, version: r.version });
        if (!made) throw conflict();
        await auditChange(tx, ctx, {
          action: 'teachers.pay.create',
          targetType: PAY_TARGET,
          targetId: made.id,
          after: { unitCode: unit.code, year, ...auditView(values) },
        });
        return made;
      }
      if (expectedVersion === undefined)
        throw new TRPCError({ code: 'CONFLICT', message: `${unit.name}${year}年度已有教师工资保障情况表，请刷新后在原表中修改` });
      if (row.version !== expectedVersion) throw conflict();
      if (!PAY_EDITABLE.includes(row.status)) throw new TRPCError({ code: 'CONFLICT', message: '只有待提交或已退回的情况表可以修改' });
      const [updated] = await tx
        .update(r)
        .set({ ...values, updatedBy: who, updatedAt: ctx.now, version: row.version + 1 })
        .where(eq(r.id, row.id))
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'teachers.pay.update',
        targetType: PAY_TARGET,
        targetId: row.id,
        before: auditView(stored(figuresOf(row))),
        after: auditView(values),
      });
      return updated!;
    });
  }),

  /** 提交 (the county, or the 科室 for it); 审核通过 (not on one's own submission) and 退回 with a reason, by the 科室. */
  step: write
    .input(
      z.object({ id: RecordId, expectedVersion: RecordVersion, action: PayAction, reason: textField(500, '原因').optional() }).strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await visible(ctx, input.id);
      const who = ctx.identity.username;
      return applyStep(ctx, {
        wf,
        table: r,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf: payCase,
        changes: () =>
          input.action === 'submit'
            ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
            : input.action === 'accept'
              ? { decidedBy: who, decidedAt: ctx.now }
              : { returnReason: input.reason ?? null, decidedBy: who, decidedAt: ctx.now },
        audit: { targetType: PAY_TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, PAY_TARGET, input.id);
  }),

  /** The comparison per unit for a year (the city all, a county its own): averages, gap, red flags, bonus timing. */
  comparison: read.input(ComparisonInput).query(async ({ ctx, input }) => {
    const c = await comparison(ctx.db, ctx.scope, input);
    return { ...c, rows: filtered(c.rows, input) };
  }),

  /** The list as Excel, with the list's filters. */
  export: exporter.input(PayFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await payRows(ctx.db, payWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教师工资保障情况',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'year', header: '年度', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'teacher', header: '教师年平均工资收入（元）', width: 16 },
        { key: 'civil', header: '公务员年平均工资收入（元）', width: 16 },
        { key: 'below', header: '是否低于公务员', width: 12 },
        { key: 'bonusLate', header: '年终奖是否晚于公务员', width: 14 },
        { key: 'linkage', header: '联动机制', width: 10 },
      ],
      rows.map((x) => ({
        id: x.id,
        year: x.year,
        unitName: x.unitName,
        status: wf.stateLabels[x.status].zh,
        teacher: yuan(x.teacherAvgPay),
        civil: yuan(x.civilServantAvgPay),
        below: x.below ? '低于' : '不低于',
        bonusLate: x.bonusLate ? '晚于' : '否',
        linkage: x.linkageEstablished ? '已建立' : '未建立',
      })),
    );
  }),

  /** The comparison as Excel. */
  exportComparison: exporter.input(ComparisonInput).query(async ({ ctx, input }) => {
    const c = await comparison(ctx.db, ctx.scope, input);
    return exportBook(
      ctx,
      `教师与公务员工资对比（${input.year}年）`,
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'status', header: '填报状态', width: 9 },
        { key: 'teacher', header: '教师年平均工资收入（元）', width: 16 },
        { key: 'civil', header: '公务员年平均工资收入（元）', width: 16 },
        { key: 'gap', header: '差额（元）', width: 12 },
        { key: 'gapRatio', header: '差额比例', width: 10 },
        { key: 'below', header: '是否低于公务员', width: 12 },
        { key: 'civilOn', header: '公务员年终奖发放日期', width: 14 },
        { key: 'teacherOn', header: '教师年终奖发放日期', width: 14 },
        { key: 'bonusLate', header: '年终奖是否晚于公务员', width: 14 },
      ],
      filtered(c.rows, input).map((x) => ({
        unitName: x.unitName,
        status: x.status ? wf.stateLabels[x.status].zh : '未填报',
        teacher: yuan(x.teacherAvgPay),
        civil: yuan(x.civilServantAvgPay),
        gap: yuan(x.gap),
        gapRatio: percent(x.gapRatio),
        below: x.below === null ? '' : x.below ? '低于' : '不低于',
        civilOn: x.civilServantBonusOn ?? '',
        teacherOn: x.teacherBonusOn ?? '',
        bonusLate: x.bonusLate === null ? '' : x.bonusLate ? '晚于' : '否',
      })),
    );
  }),

  rectifications: rectificationRouter,
} satisfies TRPCRouterRecord;
