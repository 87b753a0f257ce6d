import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import {
  authorize,
  ExpectedVersion,
  InspectionAction,
  inspectionCase,
  InspectionInput,
  InspectionStatus,
  RecordId,
  textField,
  INSPECTION_WORKFLOW as wf,
} from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep } from '../../workflow-step.ts';

const { privateEduInspections: r, schools, orgUnits } = tables;
const TARGET = 'private_edu_inspection';
const read = readProcedure('private-edu');
const write = writeProcedure('private-edu');

export const InspectionFilter = Page.extend({ status: InspectionStatus.optional(), q: textField(40, '搜索词').optional() }).strict();
const Id = z.object({ id: RecordId }).strict();
const canWrite = (grants: Parameters<typeof authorize>[0]) => authorize(grants, { area: 'private-edu', action: 'write' }).allowed;

/** A record in the caller's scope, or the one NOT_FOUND. */
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

/** 年检: list, one record, the schools to choose from, create, its steps and its history. */
export const inspectionRouter = {
  list: read.input(InspectionFilter).query(async ({ ctx, input }) => {
    const where = and(
      recordScope(ctx.scope, r),
      input.status ? eq(r.status, input.status) : undefined,
      input.q ? or(ilike(r.title, contains(input.q)), ilike(schools.name, contains(input.q))) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({ id: r.id, title: r.title, status: r.status, schoolName: schools.name, unitName: orgUnits.name, createdAt: r.createdAt })
        .from(r)
        .innerJoin(schools, eq(schools.id, r.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
        .where(where)
        .orderBy(desc(r.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx.identity.grants),
      rows: rows.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    };
  }),

  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [school] = await ctx.db.select({ name: schools.name, code: schools.code }).from(schools).where(eq(schools.id, row.schoolId));
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      school: school!,
      allowed: canWrite(ctx.identity.grants) ? wf.allowed(inspectionCase(row), actor) : [],
    };
  }),

  /** The schools of the caller's scope whose name holds `q` (the form's school picker). */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(and(scopeCondition(ctx.scope), input.q ? ilike(schools.name, contains(input.q)) : undefined))
      .orderBy(schools.code)
      .limit(20),
  ),

  create: write.input(InspectionInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          ...input,
          note: input.note || null,
          unitCode: school.unitCode,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.inspection.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { school: school.code, ...input },
      });
      return row!;
    });
  }),

  step: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: ExpectedVersion, action: InspectionAction, reason: textField(500, '原因').optional() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await visible(ctx, input.id);
      if (input.reason !== undefined && input.reason.trim().length === 1)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '原因至少写2个字' });
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
        caseOf: inspectionCase,
        changes: () =>
          input.action === 'submit'
            ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
            : input.action === 'return'
              ? { returnReason: input.reason! }
              : {},
        audit: { targetType: TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
