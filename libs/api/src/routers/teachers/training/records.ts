import type { TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { recountTraining, refreshItStanding, tables } from '@hyedu/db';
import { recordRefusal, TRAINING_TIER_LABELS, TrainingRecordInput, TrainingRecordUpdate } from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import { fieldError } from '../../../field-error.ts';
import { afterKey, nextCursor, readCursor } from '../../../keyset.ts';
import { conflict } from '../../../workflow-step.ts';
import { canWrite, list, projectScope, RECORD_TARGET, visibleProject, visibleRecord, visibleStaff, write } from './access.ts';
import { RECORD_KEY, recordCount, RecordFilter, recordRows, recordWhere } from './query.ts';

const { teacherTrainingRecords: r, teacherTrainingProjects: p } = tables;

/**
 * Which of a page's records the caller may correct: with the write grant, a record of its scope (every listed one) whose
 * project it sees — the two checks `update` makes (a school does not see another school's 校本 project the city entered
 * its teacher on).
 */
async function editable(ctx: Parameters<typeof canWrite>[0] & Parameters<typeof visibleProject>[0], projectIds: number[]) {
  if (!canWrite(ctx) || projectIds.length === 0) return new Set<number>();
  const seen = await ctx.db
    .select({ id: p.id })
    .from(p)
    .where(and(inArray(p.id, [...new Set(projectIds)]), projectScope(ctx.scope)));
  return new Set(seen.map((x) => x.id));
}

/** 培训记录: the long list (by key), entering a person's hours for a project, correcting them. */
export const trainingRecordsRouter = {
  list: list.input(RecordFilter).query(async ({ ctx, input }) => {
    const where = recordWhere(ctx.scope, input);
    const after = readCursor(input.after, RECORD_KEY);
    const [rows, [total]] = await Promise.all([
      after
        ? recordRows(ctx.db, and(where, afterKey(RECORD_KEY, after))).limit(input.pageSize)
        : recordRows(ctx.db, where)
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
      recordCount(ctx.db, ctx.scope, where, input),
    ]);
    const projects = await editable(
      ctx,
      rows.map((x) => x.projectId),
    );
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      next: nextCursor(rows, input.pageSize, (x) => [x.id]),
      canCreate: canWrite(ctx),
      rows: rows.map((x) => ({ ...x, tierLabel: TRAINING_TIER_LABELS[x.tier].zh, canEdit: projects.has(x.projectId) })),
    };
  }),

  /** A school enters its own teachers' hours; a county or the city anyone's in its scope. One record per person and project. */
  create: write.input(TrainingRecordInput).mutation(async ({ ctx, input }) => {
    const person = await visibleStaff(ctx, input.staffId);
    const project = await visibleProject(ctx, input.projectId);
    const refusal = recordRefusal(input, project, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          projectId: project.id,
          staffId: person.id,
          idIndex: person.idIndex,
          schoolId: person.schoolId,
          unitCode: person.unitCode,
          hours: input.hours,
          completed: input.completed,
          recordedOn: input.recordedOn,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: r.id, version: r.version });
      if (!row) throw fieldError('projectId', '该人员已有本项目的培训记录，请修改原记录');
      await refreshItStanding(tx, [person.idIndex]);
      await recountTraining(tx, [project.id]);
      await auditChange(tx, ctx, { action: 'teachers.training.createRecord', targetType: RECORD_TARGET, targetId: row.id, after: input });
      return row;
    });
  }),

  update: write.input(TrainingRecordUpdate).mutation(async ({ ctx, input }) => {
    const current = await visibleRecord(ctx, input.id);
    const project = await visibleProject(ctx, current.projectId);
    const refusal = recordRefusal(input, project, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(r)
        .set({ hours: input.hours, completed: input.completed, recordedOn: input.recordedOn, version: current.version + 1 })
        .where(and(eq(r.id, input.id), eq(r.version, input.expectedVersion)))
        .returning({ id: r.id, version: r.version });
      if (!row) throw conflict();
      await refreshItStanding(tx, [current.idIndex]);
      await recountTraining(tx, [current.projectId]);
      await auditChange(tx, ctx, {
        action: 'teachers.training.updateRecord',
        targetType: RECORD_TARGET,
        targetId: input.id,
        before: { hours: current.hours, completed: current.completed, recordedOn: current.recordedOn },
        after: { hours: input.hours, completed: input.completed, recordedOn: input.recordedOn },
      });
      return row;
    });
  }),
} satisfies TRPCRouterRecord;
