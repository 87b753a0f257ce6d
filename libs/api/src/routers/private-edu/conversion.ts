import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { ExpectedVersion, RecordId, textField, type DataScope } from '@hyedu/domain';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import {
  CONVERSION_DONE_STATES,
  ConversionAction,
  conversionCase,
  ConversionInput,
  ConversionPlanInput,
  conversionStanding,
  ConversionStatus,
  ConversionTaskInput,
  disposalsFor,
  GCM_SCHOOL_LEVELS,
  GCM_TASK_COLUMNS,
  GCM_TYPE_LABELS,
  GcmTask,
  tasksDoneOf,
  CONVERSION_WORKFLOW as wf,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { applyStep } from '../../workflow-step.ts';
import { bureauOnly, canWrite, lockCase, TARGET, visibleCase } from './conversion-access.ts';
import { stepEffects } from './conversion-effects.ts';
import { conversionTeacherRouter, teachersOf } from './conversion-teachers.ts';
import { read, write } from './procedures.ts';

const { privateConversions: r, privateConversionTeachers: pt, schools, orgUnits } = tables;
export const DEADLINE = HENGYANG_TARGETS_2022.gongCanMinDeadline;

export const ConversionFilter = Page.extend({
  status: ConversionStatus.optional(),
  overdue: z.boolean().optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
const Id = z.object({ id: RecordId }).strict();
const Versioned = { id: RecordId, expectedVersion: ExpectedVersion };

/** conversionStanding's overdue rule in SQL: completed after the deadline, or not completed and the deadline passed. */
const overdueSql = (today: string) =>
  sql<boolean>`case when ${inArray(r.status, [...CONVERSION_DONE_STATES])} and ${r.completedOn} is not null
    then ${r.completedOn} > ${DEADLINE} else ${today > DEADLINE} end`;

/** Teachers of a case not yet placed. */
const unplaced = async (db: Db, caseId: number) =>
  Number(
    (
      await db
        .select({ n: count() })
        .from(pt)
        .where(and(eq(pt.caseId, caseId), isNull(pt.placement)))
    )[0]?.n ?? 0,
  );

/** The case with every field its steps need filled: which steps the caller's level may take at all. */
const readyCase = (c: ReturnType<typeof conversionCase>) => ({
  ...c,
  fields: Object.fromEntries(Object.keys(c.fields).map((k) => [k, true])),
});

const workflowCase = (row: typeof r.$inferSelect, teachersUnplaced: number) =>
  conversionCase({ ...row, tasksDone: tasksDoneOf(row), teachersUnplaced });

/** The list's filter as SQL (the list and its export). */
export const conversionWhere = (
  ctx: { scope: DataScope; today: string },
  input: Omit<z.infer<typeof ConversionFilter>, 'page' | 'pageSize'>,
) =>
  and(
    recordScope(ctx.scope, r),
    input.status ? eq(r.status, input.status) : undefined,
    input.overdue === undefined ? undefined : input.overdue ? overdueSql(ctx.today) : sql`not (${overdueSql(ctx.today)})`,
    input.q ? ilike(schools.name, contains(input.q)) : undefined,
  );

/** The cases matching `where`, newest first: the list's columns (no teacher, so no ID number, is among them). */
export const conversionRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      schoolId: r.schoolId,
      schoolName: schools.name,
      schoolCode: schools.code,
      unitName: orgUnits.name,
      type: r.type,
      disposal: r.disposal,
      status: r.status,
      completedOn: r.completedOn,
      version: r.version,
    })
    .from(r)
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.id));

/** 公参民治理案: list, one case, the schools a case may be opened for, create, the plan, the checklist, the teachers, the steps, the history. */
export const conversionRouter = {
  list: read.input(ConversionFilter).query(async ({ ctx, input }) => {
    const where = conversionWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      conversionRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school',
      rows: rows.map((x) => ({ ...x, ...conversionStanding(x, DEADLINE, ctx.today) })),
    };
  }),

  /** One case: its school, checklist, teachers (ID numbers masked), standing against the deadline and the caller's steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.id);
    const [school] = await ctx.db
      .select({ name: schools.name, code: schools.code, ownership: schools.ownership, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .where(eq(schools.id, row.schoolId));
    const teachers = await teachersOf(ctx.db, ctx.keys, row.id);
    const level = actorLevel(ctx.scope);
    const writes = canWrite(ctx.identity.grants) && level !== 'school';
    const record = workflowCase(row, teachers.filter((t) => t.placement === null).length);
    const actor = { level, username: ctx.identity.username };
    // The steps the caller's level may take now, offered even while what they need is missing: taking one then
    // answers the workflow's own refusal (「还有受影响的教师未安置…」), which `needs` also shows beside the buttons.
    const allowed = writes ? wf.allowed(readyCase(record), actor) : [];
    const missing = (a: ConversionAction) =>
      (wf.steps[a].needs ?? []).find((n) => record.fields[n.field as keyof typeof record.fields] === null);
    const needs: Partial<Record<ConversionAction, string>> = Object.fromEntries(
      allowed.flatMap((a) => (missing(a) ? [[a, missing(a)!.message]] : [])),
    );
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      school: school!,
      deadline: DEADLINE,
      today: ctx.today,
      standing: conversionStanding(row, DEADLINE, ctx.today),
      tasks: GcmTask.options.map((task) => ({ task, doneOn: row[GCM_TASK_COLUMNS[task]] })),
      teachers,
      disposals: disposalsFor(row.type),
      allowed,
      needs,
      canPlan: writes && row.status === 'surveyed',
      canTick: writes && row.status === 'implementing',
      canTeachers: writes && !CONVERSION_DONE_STATES.includes(row.status),
    };
  }),

  /** 民办 compulsory schools of the caller's scope without a case yet whose name holds `q` (the create form's picker). */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .leftJoin(r, eq(r.schoolId, schools.id))
      .where(
        and(
          scopeCondition(ctx.scope),
          eq(schools.ownership, 'private'),
          inArray(schools.level, [...GCM_SCHOOL_LEVELS]),
          isNull(r.id),
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(schools.code)
      .limit(20),
  ),

  /** 摸底登记: a 民办 compulsory school of the county's (or, for the city, any) with its type; one case per school. */
  create: write.input(ConversionInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    bureauOnly(ctx.scope);
    const [registry] = await ctx.db.select({ ownership: schools.ownership }).from(schools).where(eq(schools.id, school.id));
    if (registry?.ownership !== 'private' || !GCM_SCHOOL_LEVELS.includes(school.level))
      throw fieldError('schoolId', '只能为民办义务教育学校（小学、初中、九年一贯制）登记公参民治理案');
    return ctx.db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: r.id }).from(r).where(eq(r.schoolId, school.id));
      if (existing) throw new TRPCError({ code: 'CONFLICT', message: `${school.name}已有公参民治理案，不能重复登记` });
      const [row] = await tx
        .insert(r)
        .values({
          ...input,
          disposal: input.disposal ?? null,
          plan: input.plan || null,
          unitCode: school.unitCode,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.conversion.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { school: school.code, ...input },
      });
      return row!;
    });
  }),

  /** 县级方案: the disposal (one the type allows) and the plan, while the case is at 摸底登记. */
  savePlan: write.input(ConversionPlanInput.extend(Versioned).strict()).mutation(async ({ ctx, input }) => {
    await visibleCase(ctx, input.id);
    bureauOnly(ctx.scope);
    return ctx.db.transaction(async (tx) => {
      const row = await lockCase(tx, input.id, input.expectedVersion);
      if (row.status !== 'surveyed')
        throw new TRPCError({ code: 'CONFLICT', message: `治理案当前为“${wf.stateLabels[row.status].zh}”，不能修改县级方案` });
      if (!disposalsFor(row.type).includes(input.disposal))
        throw fieldError('disposal', `“${GCM_TYPE_LABELS[row.type].zh}”的学校应转为公办`);
      const [updated] = await tx
        .update(r)
        .set({ disposal: input.disposal, plan: input.plan, version: row.version + 1 })
        .where(eq(r.id, row.id))
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.conversion.savePlan',
        targetType: TARGET,
        targetId: row.id,
        before: { disposal: row.disposal, plan: row.plan },
        after: { disposal: input.disposal, plan: input.plan },
      });
      return updated!;
    });
  }),

  /** 实施: one checklist item done on a day (not after today), while the case is 实施中. */
  tick: write.input(ConversionTaskInput.extend(Versioned).strict()).mutation(async ({ ctx, input }) => {
    await visibleCase(ctx, input.id);
    bureauOnly(ctx.scope);
    if (input.doneOn > ctx.today) throw fieldError('doneOn', '完成日期不能晚于今天');
    return ctx.db.transaction(async (tx) => {
      const row = await lockCase(tx, input.id, input.expectedVersion);
      if (row.status !== 'implementing')
        throw new TRPCError({ code: 'CONFLICT', message: `治理案当前为“${wf.stateLabels[row.status].zh}”，不能登记实施事项` });
      const column = GCM_TASK_COLUMNS[input.task];
      const [updated] = await tx
        .update(r)
        .set({ [column]: input.doneOn, version: row.version + 1 })
        .where(eq(r.id, row.id))
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.conversion.tick',
        targetType: TARGET,
        targetId: row.id,
        before: { task: input.task, doneOn: row[column] },
        after: { task: input.task, doneOn: input.doneOn },
      });
      return updated!;
    });
  }),

  ...conversionTeacherRouter,

  /** A step of the case's workflow; 审核通过 and 确认完成 also write the case's lever (and the school's ownership). */
  step: write
    .input(z.object({ ...Versioned, action: ConversionAction, reason: textField(500, '原因').optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      await visibleCase(ctx, input.id);
      const who = ctx.identity.username;
      const teachersUnplaced = await unplaced(ctx.db, input.id);
      const today = ctx.today;
      return applyStep(ctx, {
        wf,
        table: r,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf: (row) => workflowCase(row, teachersUnplaced),
        changes: () => {
          switch (input.action) {
            case 'submit_plan':
            case 'complete':
              return {
                submittedBy: who,
                submittedAt: ctx.now,
                returnReason: null,
                ...(input.action === 'complete' ? { completedOn: today } : {}),
              };
            case 'return_plan':
              return { returnReason: input.reason! };
            case 'reject':
              return { returnReason: input.reason!, completedOn: null };
            case 'accept':
              return { acceptedOn: today };
            default:
              return {};
          }
        },
        also: stepEffects(ctx, today),
        audit: { targetType: TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleCase(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
