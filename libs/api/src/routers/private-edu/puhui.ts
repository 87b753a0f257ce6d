import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { IsoDate, RecordId, RecordVersion, textField, type DataScope } from '@hyedu/domain';
import {
  PUHUI_AUTHORITY,
  PUHUI_LEVEL,
  puhuiApplyRefusal,
  puhuiCase,
  PuhuiInput,
  PuhuiPlainAction,
  PuhuiRecognition,
  PuhuiStatus,
  recognitionAmounts,
  revocationRefusal,
  PUHUI_WORKFLOW as wf,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { authorityStep } from './authority-step.ts';
import { canWrite } from './inspection-access.ts';
import { read, write } from './procedures.ts';

const { privatePuhuiRecognitions: r, schools, orgUnits } = tables;
const TARGET = 'private_puhui_recognition';
const MATTER = '普惠性民办园认定';

export const PuhuiFilter = Page.extend({
  status: PuhuiStatus.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
const Id = z.object({ id: RecordId }).strict();

/** A recognition case in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Pick<AuthedContext, 'db'> & { scope: Parameters<typeof recordScope>[0] }, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), recordScope(ctx.scope, r)))
      )[0],
  );

/** One step: scope (NOT_FOUND), the approving authority for a bureau level, then the workflow. */
const take = authorityStep({
  wf,
  table: r,
  stateKey: 'status',
  target: TARGET,
  matter: MATTER,
  caseOf: puhuiCase,
  authorityOf: () => PUHUI_AUTHORITY,
  visible,
});

/** The list's filter as SQL (the list and its export). */
export const puhuiWhere = (ctx: { scope: DataScope }, input: Omit<z.infer<typeof PuhuiFilter>, 'page' | 'pageSize'>) =>
  and(
    recordScope(ctx.scope, r),
    input.status ? eq(r.status, input.status) : undefined,
    input.q ? ilike(schools.name, contains(input.q)) : undefined,
  );

/** The cases matching `where`, newest first (the list's and the export's rows). */
export const puhuiRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      schoolName: schools.name,
      schoolCode: schools.code,
      unitName: orgUnits.name,
      feeAsked: r.feeAsked,
      feeCap: r.feeCap,
      subsidy: r.subsidy,
      validFrom: r.validFrom,
      revokedOn: r.revokedOn,
      status: r.status,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.id));

/** 普惠性民办园认定: list, one case, the kindergartens to apply for, apply, its steps, 认定 and its history. */
export const puhuiRouter = {
  list: read.input(PuhuiFilter).query(async ({ ctx, input }) => {
    const where = puhuiWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      puhuiRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) === 'school',
      rows: rows.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    };
  }),

  /** One case, with its kindergarten and the caller's steps (a bureau level only if it is the county). */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [school] = await ctx.db
      .select({ name: schools.name, code: schools.code, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .where(eq(schools.id, row.schoolId));
    const level = actorLevel(ctx.scope);
    const acts = canWrite(ctx.identity.grants) && (level === 'school' || level === PUHUI_AUTHORITY);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      school: school!,
      defaults: recognitionAmounts({}),
      today: ctx.today,
      allowed: acts ? wf.allowed(puhuiCase(row), { level, username: ctx.identity.username }) : [],
    };
  }),

  /** The private kindergartens the caller may apply for (a school account: itself, if it is one). */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(
        and(
          scopeCondition(ctx.scope),
          eq(schools.ownership, 'private'),
          eq(schools.level, PUHUI_LEVEL),
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(schools.code)
      .limit(20),
  ),

  /** The kindergarten applies (a draft it then submits) with the monthly 保教费 it asks, in fen. */
  create: write.input(PuhuiInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    if (actorLevel(ctx.scope) !== 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '普惠性民办园认定由幼儿园申请' });
    const [registry] = await ctx.db
      .select({ ownership: schools.ownership, level: schools.level })
      .from(schools)
      .where(eq(schools.id, school.id));
    const refusal = registry ? puhuiApplyRefusal(registry) : '学校不存在';
    if (refusal) throw fieldError('schoolId', refusal);
    const [open] = await ctx.db
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.schoolId, school.id), inArray(r.status, ['draft', 'submitted', 'recognised'])))
      .limit(1);
    if (open) throw fieldError('schoolId', '该园已有办理中或有效的普惠性民办园认定');
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          feeAsked: input.feeAsked,
          note: input.note || null,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.puhui.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { school: school.code, feeAsked: input.feeAsked, note: input.note },
      });
      return row!;
    });
  }),

  /** 提交申请 (the kindergarten); 退回 / 不予认定 / 撤销认定 (the county, with a reason; 撤销 with its date). */
  step: write
    .input(
      z
        .object({
          id: RecordId,
          expectedVersion: RecordVersion,
          action: PuhuiPlainAction,
          reason: textField(500, '原因').optional(),
          revokedOn: IsoDate.optional(),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const who = ctx.identity.username;
      if (input.action === 'revoke') {
        if (!input.revokedOn) throw fieldError('revokedOn', '请填写撤销日期');
        const row = await visible(ctx, input.id);
        const refusal = revocationRefusal(row.validFrom, input.revokedOn, ctx.today);
        if (refusal) throw fieldError('revokedOn', refusal);
      } else if (input.revokedOn) throw fieldError('revokedOn', '只有撤销认定时填写撤销日期');
      return take(ctx, input, input.action, () =>
        input.action === 'submit'
          ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
          : input.action === 'return'
            ? { returnReason: input.reason! }
            : input.action === 'refuse'
              ? { refusalReason: input.reason!, decidedBy: who, decidedAt: ctx.now }
              : { revocationReason: input.reason!, revokedOn: input.revokedOn! },
      );
    }),

  /** 认定 (the county): the fee cap and subsidy (the bureau's defaults unless entered) and the date it counts from. */
  recognise: write.input(PuhuiRecognition).mutation(async ({ ctx, input }) => {
    const amounts = recognitionAmounts(input);
    return take(ctx, input, 'recognise', () => ({
      ...amounts,
      validFrom: input.validFrom,
      decidedBy: ctx.identity.username,
      decidedAt: ctx.now,
    }));
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
