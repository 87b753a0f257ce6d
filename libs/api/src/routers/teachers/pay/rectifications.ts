import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, inArray, lt, not, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, RecordId, type DataScope } from '@hyedu/domain';
import {
  PAY_FINDING_LABELS,
  PayYear,
  rectificationCase,
  RectificationInput,
  rectificationOverdue,
  RectificationStatus,
  RectificationStep,
  PAY_RECTIFICATION_WORKFLOW as wf,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { Page } from '../../../inputs.ts';
import { actorLevel } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { applyStep } from '../../../workflow-step.ts';
import { unitRecordScope } from '../../funding/access.ts';
import { canWrite, exporter, iso, read, write } from './procedures.ts';
import { unitToEnter } from './units.ts';

const { teacherPayRectifications: c, orgUnits } = tables;
export const RECTIFICATION_TARGET = 'teacher_pay_rectification';
const Id = z.object({ id: RecordId }).strict();

export const RectificationFilter = Page.extend({
  year: PayYear.optional(),
  unitCode: DivisionCode.optional(),
  status: RectificationStatus.optional(),
  overdue: z.boolean({ message: '是否逾期应为是或否' }).optional(),
}).strict();
type Filter = Omit<z.infer<typeof RectificationFilter>, 'page' | 'pageSize'>;

/** Overdue (the domain's rule) in SQL: the deadline passed and not yet reported or closed. */
const overdueSql = (today: string) => and(lt(c.deadline, today), inArray(c.status, ['found', 'rectifying']))!;

const caseWhere = (scope: DataScope, f: Filter, today: string): SQL | undefined =>
  and(
    unitRecordScope(scope, c.unitCode),
    f.year ? eq(c.year, f.year) : undefined,
    f.unitCode ? eq(c.unitCode, f.unitCode) : undefined,
    f.status ? eq(c.status, f.status) : undefined,
    f.overdue === true ? overdueSql(today) : f.overdue === false ? not(overdueSql(today)) : undefined,
  );

const caseRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: c.id,
      unitCode: c.unitCode,
      unitName: orgUnits.name,
      year: c.year,
      status: c.status,
      findingKinds: c.findingKinds,
      findingText: c.findingText,
      deadline: c.deadline,
      createdAt: c.createdAt,
      version: c.version,
    })
    .from(c)
    .innerJoin(orgUnits, eq(orgUnits.code, c.unitCode))
    .where(where)
    .orderBy(desc(c.year), asc(orgUnits.sortOrder), asc(c.id));

const visible = (ctx: Pick<AuthedContext, 'db' | 'scope'>, id: number) =>
  scoped(
    RECTIFICATION_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(c)
          .where(and(eq(c.id, id), unitRecordScope(ctx.scope, c.unitCode)))
      )[0],
  );

const kinds = (xs: readonly (keyof typeof PAY_FINDING_LABELS)[]) => xs.map((k) => PAY_FINDING_LABELS[k].zh).join('；');

/** 督查整改 cases: list, one, open (the city), steps (签收, 报告整改 with measures, 复核销号, 退回 with a reason), history, export. */
export const rectificationRouter = {
  list: read.input(RectificationFilter).query(async ({ ctx, input }) => {
    const where = caseWhere(ctx.scope, input, ctx.today);
    const [rows, [total]] = await Promise.all([
      caseRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(c).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx) && actorLevel(ctx.scope) === 'city',
      rows: rows.map((x) => ({ ...x, createdAt: x.createdAt.toISOString(), overdue: rectificationOverdue(x, ctx.today) })),
    };
  }),

  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [unit] = await ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, row.unitCode));
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      ...row,
      unitName: unit?.name ?? row.unitCode,
      createdAt: row.createdAt.toISOString(),
      reportedAt: iso(row.reportedAt),
      closedAt: iso(row.closedAt),
      overdue: rectificationOverdue(row, ctx.today),
      allowed: canWrite(ctx) ? wf.allowed(rectificationCase(row), actor) : [],
    };
  }),

  /** Opens a case for a county and year (the city's 科室 only): 督查发现, with a deadline. */
  create: write.input(RectificationInput).mutation(async ({ ctx, input }) => {
    // The unit first: another county's (or a missing) unit is the one NOT_FOUND, before the level's refusal.
    const unit = await unitToEnter(ctx, input.unitCode);
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '督查整改由市教育局教师工作科室下达' });
    if (input.deadline <= ctx.today) throw fieldError('deadline', '整改期限应晚于今天');
    const findingKinds = [...new Set(input.findingKinds)];
    return ctx.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(c)
        .values({
          unitCode: unit.code,
          year: input.year,
          status: wf.initial,
          findingKinds,
          findingText: input.findingText,
          deadline: input.deadline,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: c.id, version: c.version });
      await auditChange(tx, ctx, {
        action: 'teachers.payRectification.create',
        targetType: RECTIFICATION_TARGET,
        targetId: made!.id,
        after: { unitCode: unit.code, year: input.year, findingKinds, findingText: input.findingText, deadline: input.deadline },
      });
      return made!;
    });
  }),

  /** 签收整改 and 报告整改情况 (the county; the report carries its measures), 复核销号 and 退回 with a reason (the 科室). */
  step: write.input(RectificationStep).mutation(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    if (input.action === 'report' && (input.measures ?? '').trim().length < 2) throw fieldError('measures', '请填写整改措施（至少2个字）');
    const who = ctx.identity.username;
    return applyStep(ctx, {
      wf,
      table: c,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      reason: input.reason,
      actor: { level: actorLevel(ctx.scope), username: who },
      caseOf: rectificationCase,
      changes: () =>
        input.action === 'report'
          ? { measures: input.measures!, reportedBy: who, reportedAt: ctx.now, returnReason: null }
          : input.action === 'accept'
            ? { closedBy: who, closedAt: ctx.now }
            : input.action === 'return'
              ? { returnReason: input.reason ?? null }
              : {},
      audit: {
        targetType: RECTIFICATION_TARGET,
        after: (_row, to) => ({
          status: to,
          ...(input.action === 'report' ? { measures: input.measures } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
        }),
      },
    });
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, RECTIFICATION_TARGET, input.id);
  }),

  export: exporter.input(RectificationFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await caseRows(ctx.db, caseWhere(ctx.scope, input, ctx.today)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教师工资保障督查整改',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'year', header: '年度', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'kinds', header: '督查发现的问题', width: 24 },
        { key: 'findingText', header: '督查发现情况', width: 40 },
        { key: 'deadline', header: '整改期限', width: 12 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'overdue', header: '是否逾期', width: 9 },
      ],
      rows.map((x) => ({
        id: x.id,
        year: x.year,
        unitName: x.unitName,
        kinds: kinds(x.findingKinds),
        findingText: x.findingText,
        deadline: x.deadline,
        status: wf.stateLabels[x.status].zh,
        overdue: rectificationOverdue(x, ctx.today) ? '是' : '否',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
