import type { TRPCRouterRecord } from '@trpc/server';
import { and, eq, isNull } from 'drizzle-orm';
import { countAppraisals, tables } from '@hyedu/db';
import { authorize } from '@hyedu/domain';
import {
  APPRAISAL_RESULT_LABELS,
  AppraisalCorrection,
  AppraisalInput,
  appraisalYearRefusal,
  ETHICS_RESULT_LABELS,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { afterKey, nextCursor, readCursor } from '../../../keyset.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { conflict } from '../../../workflow-step.ts';
import { STAFF_TARGET } from '../gate.ts';
import { exporter, list, write } from '../registration/procedures.ts';
import { appraisalImportRouter } from './import.ts';
import { APPRAISAL_KEY, APPRAISAL_TARGET, AppraisalFilter, appraisalRows, appraisalTotal, appraisalWhere } from './query.ts';

const { teacherAppraisals: a, teacherStaff: st } = tables;
type Scoped = Pick<AuthedContext, 'db' | 'scope'>;

/** A person in post in the caller's scope (a school its own staff), or the one NOT_FOUND. */
export const staffInScope = (ctx: Scoped, id: number) =>
  scoped(
    STAFF_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(st)
          .where(and(eq(st.id, id), isNull(st.leftOn), recordScope(ctx.scope, st)))
      )[0],
  );

const appraisalInScope = (ctx: Scoped, id: number) =>
  scoped(
    APPRAISAL_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(a)
          .where(and(eq(a.id, id), recordScope(ctx.scope, a)))
      )[0],
  );

const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed;

/**
 * 年度考核 and 师德考核: the list (keyset), the entry of one person's year (a school for its own staff, a county or the
 * city in its scope; one per person and year), a correction (version-guarded), the export, and the import of the
 * national system's results (`import.ts`).
 */
export const appraisalRouter = {
  list: list.input(AppraisalFilter).query(async ({ ctx, input }) => {
    const where = appraisalWhere(ctx.scope, input);
    const after = readCursor(input.after, APPRAISAL_KEY);
    const [rows, [total]] = await Promise.all([
      after
        ? appraisalRows(ctx.db, and(where, afterKey(APPRAISAL_KEY, after))).limit(input.pageSize)
        : appraisalRows(ctx.db, where)
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
      appraisalTotal(ctx.db, ctx.scope, input),
    ]);
    const writes = canWrite(ctx);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      today: ctx.today,
      next: nextCursor(rows, input.pageSize, (r) => [r.unitCode, r.year, r.id]),
      canCreate: writes,
      canImport: writes && actorLevel(ctx.scope) !== 'school',
      rows,
    };
  }),

  /** 录入: one person in post in the caller's scope, one year (not after this one), both results; a second entry of the year is refused. */
  create: write.input(AppraisalInput).mutation(async ({ ctx, input }) => {
    const person = await staffInScope(ctx, input.staffId);
    const refusal = appraisalYearRefusal(input.year, ctx.today);
    if (refusal) throw fieldError('year', refusal);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(a)
        .values({
          staffId: person.id,
          idIndex: person.idIndex,
          schoolId: person.schoolId,
          unitCode: person.unitCode,
          year: input.year,
          result: input.result,
          ethics: input.ethics,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: a.id, version: a.version });
      if (!row) throw fieldError('year', `${person.name}的${input.year}年度考核结果已录入，如需更改请修改该记录`);
      await countAppraisals(tx, [{ unitCode: person.unitCode, year: input.year, result: input.result, ethics: input.ethics, delta: 1 }]);
      await auditChange(tx, ctx, { action: 'teachers.appraisal.create', targetType: APPRAISAL_TARGET, targetId: row.id, after: input });
      return row;
    });
  }),

  /** 修改: a recorded year's results, by the school that appraised or its county / the city (version-guarded). */
  correct: write.input(AppraisalCorrection).mutation(async ({ ctx, input }) => {
    const row = await appraisalInScope(ctx, input.id);
    return ctx.db.transaction(async (tx) => {
      const [done] = await tx
        .update(a)
        .set({ result: input.result, ethics: input.ethics, version: input.expectedVersion + 1 })
        .where(and(eq(a.id, row.id), eq(a.version, input.expectedVersion)))
        .returning({ id: a.id, version: a.version });
      if (!done) throw conflict();
      await countAppraisals(tx, [
        { unitCode: row.unitCode, year: row.year, result: row.result, ethics: row.ethics, delta: -1 },
        { unitCode: row.unitCode, year: row.year, result: input.result, ethics: input.ethics, delta: 1 },
      ]);
      await auditChange(tx, ctx, {
        action: 'teachers.appraisal.correct',
        targetType: APPRAISAL_TARGET,
        targetId: row.id,
        before: { result: row.result, ethics: row.ethics },
        after: { result: input.result, ethics: input.ethics },
      });
      return done;
    });
  }),

  export: exporter.input(AppraisalFilter.omit(NO_PAGE).omit({ after: true })).query(async ({ ctx, input }) => {
    const rows = await appraisalRows(ctx.db, appraisalWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '年度考核与师德考核',
      [
        { key: 'unitName', header: '县市区', width: 12 },
        { key: 'schoolName', header: '学校', width: 28 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'year', header: '年度', width: 8 },
        { key: 'result', header: '年度考核结果', width: 12 },
        { key: 'ethics', header: '师德考核结果', width: 12 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        schoolName: r.schoolName,
        name: r.name,
        year: r.year,
        result: APPRAISAL_RESULT_LABELS[r.result].zh,
        ethics: ETHICS_RESULT_LABELS[r.ethics].zh,
      })),
    );
  }),

  ...appraisalImportRouter,
} satisfies TRPCRouterRecord;
