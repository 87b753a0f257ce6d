import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { authorize, RecordId, textField, type DataScope } from '@hyedu/domain';
import {
  isWholeSchool,
  LEVER_LABELS,
  leverCase,
  LeverInput,
  LeverKind,
  LeverStatus,
  LeverStepInput,
  LEVER_WORKFLOW as wf,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { applyStep } from '../../workflow-step.ts';
import { latestCensus, schoolPupils } from './census.ts';
import { ledger } from './ledger.ts';
import { read, write } from './procedures.ts';

const { privateLevers: r, schools, orgUnits } = tables;
const TARGET = 'private_lever';
/** The levels of school a lever applies to: those teaching compulsory grades. */
export const COMPULSORY_LEVELS = ['primary', 'junior', 'nine_year'] as const;

export const LeverFilter = Page.extend({
  status: LeverStatus.optional(),
  kind: LeverKind.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
const Id = z.object({ id: RecordId }).strict();
const canWrite = (grants: Parameters<typeof authorize>[0]) => authorize(grants, { area: 'private-edu', action: 'write' }).allowed;

/** A lever in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Parameters<typeof schoolInScope>[0], id: number) =>
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

/** The list's filter as SQL (the list and its export). */
export const leverWhere = (ctx: { scope: DataScope }, input: Omit<z.infer<typeof LeverFilter>, 'page' | 'pageSize'>) =>
  and(
    recordScope(ctx.scope, r),
    input.status ? eq(r.status, input.status) : undefined,
    input.kind ? eq(r.kind, input.kind) : undefined,
    input.q ? or(ilike(schools.name, contains(input.q)), ilike(orgUnits.name, contains(input.q))) : undefined,
  );

/** The levers matching `where`, newest first (the list's and the export's rows). */
export const leverRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      kind: r.kind,
      status: r.status,
      plannedYear: r.plannedYear,
      students: r.students,
      doneOn: r.doneOn,
      conversionId: r.conversionId,
      schoolName: schools.name,
      unitName: orgUnits.name,
      schoolCode: schools.code,
      note: r.note,
      dropReason: r.dropReason,
    })
    .from(r)
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.id));

/** 调减台账: the levers per school, their steps and history, and the ledger per county with its projection. */
export const leverRouter = {
  list: read.input(LeverFilter).query(async ({ ctx, input }) => {
    const where = leverWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      leverRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db
        .select({ n: count() })
        .from(r)
        .innerJoin(schools, eq(schools.id, r.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
        .where(where),
    ]);
    return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, canCreate: canWrite(ctx.identity.grants), rows };
  }),

  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [school] = await ctx.db.select({ name: schools.name, code: schools.code }).from(schools).where(eq(schools.id, row.schoolId));
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    // A case's own lever moves with its case, never by hand.
    const mayStep = canWrite(ctx.identity.grants) && row.conversionId === null;
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      school: school!,
      allowed: mayStep ? wf.allowed(leverCase(row), actor) : [],
      corrections: mayStep ? wf.corrections(leverCase(row), actor) : [],
    };
  }),

  /**
   * The private schools teaching compulsory grades in the caller's scope whose name holds `q` (the form's picker), with
   * their compulsory pupils in the latest census and how many of their levers are still to show in a census.
   */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(
        and(
          scopeCondition(ctx.scope),
          eq(schools.ownership, 'private'),
          inArray(schools.level, [...COMPULSORY_LEVELS]),
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(schools.code)
      .limit(20);
    const year = await latestCensus(ctx.db);
    const ids = rows.map((s) => s.id);
    const [pupils, open] = await Promise.all([
      year ? schoolPupils(ctx.db, year, ids) : new Map<number, number>(),
      ids.length === 0
        ? []
        : ctx.db
            .select({ schoolId: r.schoolId, n: count() })
            .from(r)
            .where(and(inArray(r.schoolId, ids), eq(r.status, 'planned')))
            .groupBy(r.schoolId),
    ]);
    return rows.map((s) => ({ ...s, pupils: pupils.get(s.id) ?? 0, plannedLevers: open.find((o) => o.schoolId === s.id)?.n ?? 0 }));
  }),

  create: write.input(LeverInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    const [facts] = await ctx.db
      .select({ ownership: schools.ownership, level: schools.level })
      .from(schools)
      .where(eq(schools.id, school.id));
    if (facts?.ownership !== 'private' || !(COMPULSORY_LEVELS as readonly string[]).includes(facts.level))
      throw fieldError('schoolId', '调减措施只适用于实施义务教育的民办学校');
    const created = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          kind: input.kind,
          plannedYear: input.plannedYear,
          students: isWholeSchool(input.kind) ? null : input.students!,
          note: input.note || null,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.lever.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { school: school.code, ...input, kind: LEVER_LABELS[input.kind].zh },
      });
      return row!;
    });
    return created;
  }),

  step: write.input(LeverStepInput).mutation(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    if (row.conversionId !== null) throw new TRPCError({ code: 'CONFLICT', message: '该措施由公参民治理案维护，请在治理案中办理' });
    if (input.doneOn && input.doneOn > ctx.today) throw fieldError('doneOn', '完成日期不能晚于今天');
    return applyStep(ctx, {
      wf,
      table: r,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      reason: input.reason,
      actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
      caseOf: leverCase,
      changes: () => (input.action === 'complete' ? { doneOn: input.doneOn! } : { dropReason: input.reason! }),
      audit: { targetType: TARGET, after: () => (input.action === 'complete' ? { doneOn: input.doneOn } : { reason: input.reason }) },
    });
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),

  ledger: read.query(({ ctx }) => ledger(ctx)),
} satisfies TRPCRouterRecord;
