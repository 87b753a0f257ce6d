import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import {
  DivisionCode,
  ExpectedVersion,
  IsoDate,
  PLAN_COORDINATOR,
  Reason,
  RecordId,
  REPORT_REVIEW,
  ReportInput,
  ReviewStep,
} from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { scoped } from '../../scoped.ts';
import { writeProcedure } from '../../trpc.ts';
import { applyStep, conflict } from '../../workflow-step.ts';
import { cityCode, findTask, myDepartments, reportingUnit, taskIfVisible, visibleReport } from './access.ts';

const { planMilestones, progressReports } = tables;
const write = writeProcedure('plan');

/** Filing a progress report and reviewing it (`plan.reports`). */
export const reportRouter = {
  /**
   * Submits (or, after a return, resubmits) the month's report on a task: a county for itself, the lead 科室 for the city.
   * One transaction with its audit record; a report under review or reviewed cannot be overwritten.
   */
  submit: write
    .input(z.object({ taskId: RecordId, unitCode: DivisionCode.optional(), report: ReportInput }).strict())
    .mutation(async ({ ctx, input }) => {
      const task = await findTask(ctx, input.taskId);
      const unitCode = await reportingUnit(ctx, task, input.unitCode);
      const who = ctx.identity.username;
      const level = unitCode === (await cityCode(ctx.db)) ? 'city' : 'county';
      return ctx.db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(progressReports)
          .where(
            and(
              eq(progressReports.taskId, task.id),
              eq(progressReports.unitCode, unitCode),
              eq(progressReports.period, input.report.period),
            ),
          )
          .for('update');
        const refusal = REPORT_REVIEW.refusal(existing ? { state: existing.review } : null, 'submit', { level, username: who });
        if (refusal) throw new TRPCError({ code: 'CONFLICT', message: refusal });
        const values = {
          ...input.report,
          review: 'submitted' as const,
          returnReason: null,
          submittedBy: who,
          submittedAt: ctx.now,
          reviewedBy: null,
          reviewedAt: null,
        };
        const [row] = existing
          ? await tx
              .update(progressReports)
              .set({ ...values, version: existing.version + 1 })
              .where(eq(progressReports.id, existing.id))
              .returning()
          : await tx
              .insert(progressReports)
              .values({ taskId: task.id, unitCode, ...values })
              .returning();
        await auditChange(tx, ctx, {
          action: existing ? 'plan.resubmitReport' : 'plan.submitReport',
          targetType: 'progress_report',
          targetId: String(row!.id),
          before: existing ? { status: existing.status, review: existing.review, narrative: existing.narrative } : undefined,
          after: {
            task: task.code,
            unitCode,
            period: input.report.period,
            status: input.report.status,
            narrative: input.report.narrative,
            figures: input.report.figures,
          },
        });
        return { id: row!.id, version: row!.version };
      });
    }),

  /**
   * Reviews a report: the task's lead 科室 reviews its counties' reports; the 办公室 reviews the lead 科室's own.
   * A return must say why.
   */
  review: write
    .input(z.object({ reportId: RecordId, expectedVersion: ExpectedVersion, action: ReviewStep, reason: Reason.optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      const { report: found, task } = await visibleReport(ctx, input.reportId);
      const reviewer = found.unitCode === (await cityCode(ctx.db)) ? PLAN_COORDINATOR : task.lead;
      if (!myDepartments(ctx).includes(reviewer))
        throw new TRPCError({ code: 'FORBIDDEN', message: '只有牵头科室可以审核县市区的报告，科室自己的报告由办公室审核' });
      const who = ctx.identity.username;
      const { version } = await applyStep(ctx, {
        wf: REPORT_REVIEW,
        table: progressReports,
        stateKey: 'review',
        id: input.reportId,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: 'city', username: who },
        caseOf: (r) => ({ state: r.review, submittedBy: r.submittedBy }),
        changes: () => ({ returnReason: input.action === 'return' ? input.reason! : null, reviewedBy: who, reviewedAt: ctx.now }),
        audit: {
          targetType: 'progress_report',
          action: input.action === 'review' ? 'plan.reviewReport' : 'plan.returnReport',
          before: (r) => ({ review: r.review }),
          after: (_r, review) => ({ review, ...(input.reason ? { reason: input.reason } : {}) }),
        },
      });
      return { version };
    }),
} satisfies TRPCRouterRecord;

/** A task's milestones (`plan.tasks`). */
export const milestoneRouter = {
  /** The lead 科室 marks a milestone done (or not yet). */
  setMilestone: write
    .input(z.object({ milestoneId: RecordId, expectedVersion: ExpectedVersion, doneOn: IsoDate.nullable() }).strict())
    .mutation(async ({ ctx, input }) => {
      const task = await scoped('plan_milestone', input.milestoneId, async () => {
        const [found] = await ctx.db
          .select({ taskId: planMilestones.taskId })
          .from(planMilestones)
          .where(eq(planMilestones.id, input.milestoneId));
        return found && (await taskIfVisible(ctx, found.taskId));
      });
      if (!myDepartments(ctx).includes(task.lead)) throw new TRPCError({ code: 'FORBIDDEN', message: '只有牵头科室可以更新时间节点' });
      return ctx.db.transaction(async (tx) => {
        const [m] = await tx.select().from(planMilestones).where(eq(planMilestones.id, input.milestoneId)).for('update');
        if (!m || m.version !== input.expectedVersion) throw conflict();
        const [row] = await tx
          .update(planMilestones)
          .set({ doneOn: input.doneOn, doneBy: input.doneOn ? ctx.identity.username : null, version: m.version + 1 })
          .where(eq(planMilestones.id, m.id))
          .returning({ version: planMilestones.version });
        await auditChange(tx, ctx, {
          action: 'plan.setMilestone',
          targetType: 'plan_milestone',
          targetId: String(m.id),
          before: { doneOn: m.doneOn },
          after: { doneOn: input.doneOn },
        });
        return { version: row!.version };
      });
    }),
} satisfies TRPCRouterRecord;
