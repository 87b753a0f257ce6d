import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, desc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { milestoneState, PLAN_COORDINATOR, PlanYear, RecordId, REPORT_REVIEW, weekOf, type ReviewAction } from '@hyedu/domain';
import { recordHistory } from '../../history.ts';
import { permission, readProcedure } from '../../trpc.ts';
import { cityCode, findTask, myDepartments, reportingUnit, reportVisible, taskVisible, visibleReport } from './access.ts';

const { attachments, departments, orgUnits, planMilestones, planTasks, progressReports } = tables;
const read = readProcedure('plan');
const Year = PlanYear;

const iso = (d: Date | null) => d?.toISOString() ?? null;
type MilestoneRow = typeof planMilestones.$inferSelect;
/** A milestone as the portal shows it, with its state on `today` (Beijing date). */
const milestoneView = (m: MilestoneRow, today: string) => ({
  id: m.id,
  title: m.title,
  due: m.due,
  doneOn: m.doneOn,
  version: m.version,
  state: milestoneState(m, today),
});

/** What belongs to the whole plan: its 科室 and the deadlines panel. */
export const planReadRouter = {
  departments: read.query(({ ctx }) => ctx.db.select().from(departments).orderBy(asc(departments.sortOrder))),

  /** This week's and overdue milestones of the tasks the account may see (the deadlines panel). */
  deadlines: read.input(z.object({ year: Year }).strict()).query(async ({ ctx, input }) => {
    const today = ctx.today;
    const rows = await ctx.db
      .select({
        m: planMilestones,
        code: planTasks.code,
        taskId: planTasks.id,
        title: planTasks.title,
        lead: planTasks.lead,
        itemNo: planTasks.itemNo,
      })
      .from(planMilestones)
      .innerJoin(planTasks, eq(planTasks.id, planMilestones.taskId))
      .where(
        and(
          eq(planTasks.year, input.year),
          isNull(planMilestones.doneOn),
          lte(planMilestones.due, weekOf(today).sunday),
          taskVisible(ctx.scope),
        ),
      )
      .orderBy(asc(planMilestones.due), asc(planTasks.id));
    return rows.map((r) => ({
      milestoneId: r.m.id,
      title: r.m.title,
      due: r.m.due,
      state: milestoneState(r.m, today),
      taskId: r.taskId,
      code: r.code,
      taskTitle: r.title,
      lead: r.lead,
      itemNo: r.itemNo,
    }));
  }),
} satisfies TRPCRouterRecord;

/** A year's tasks and one task with its milestones and reports (`plan.tasks`). */
export const taskReadRouter = {
  /** A year's tasks the account may see, with milestones (state as of today, Beijing time) and the review backlog. */
  list: read.input(z.object({ year: Year, itemNo: z.number().int().min(1).max(99).optional() }).strict()).query(async ({ ctx, input }) => {
    const tasks = await ctx.db
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.year, input.year), input.itemNo ? eq(planTasks.itemNo, input.itemNo) : undefined, taskVisible(ctx.scope)))
      .orderBy(asc(planTasks.itemNo), asc(planTasks.id));
    if (tasks.length === 0) return [];
    const ids = tasks.map((t) => t.id);
    const milestones = await ctx.db
      .select()
      .from(planMilestones)
      .where(inArray(planMilestones.taskId, ids))
      .orderBy(asc(planMilestones.seq));
    const today = ctx.today;
    const mine = myDepartments(ctx);
    return tasks.map((t) => ({
      id: t.id,
      code: t.code,
      itemNo: t.itemNo,
      title: t.title,
      lead: t.lead,
      coOwners: t.coOwners,
      units: t.units,
      kpis: t.kpis,
      mine: mine.includes(t.lead),
      milestones: milestones.filter((m) => m.taskId === t.id).map((m) => milestoneView(m, today)),
    }));
  }),

  /** One task with its reports (a county sees only its own county's), each with the review steps the caller may take on it. */
  byId: read.input(z.object({ taskId: RecordId }).strict()).query(async ({ ctx, input }) => {
    const task = await findTask(ctx, input.taskId);
    const today = ctx.today;
    const [milestones, reports] = await Promise.all([
      ctx.db.select().from(planMilestones).where(eq(planMilestones.taskId, task.id)).orderBy(asc(planMilestones.seq)),
      ctx.db
        .select({ report: progressReports, unitName: orgUnits.name })
        .from(progressReports)
        .innerJoin(orgUnits, eq(orgUnits.code, progressReports.unitCode))
        .where(and(eq(progressReports.taskId, task.id), reportVisible(ctx.scope)))
        .orderBy(desc(progressReports.period), asc(orgUnits.sortOrder)),
    ]);
    const files = reports.length
      ? await ctx.db
          .select({ id: attachments.id, ownerId: attachments.ownerId, fileName: attachments.fileName, size: attachments.size })
          .from(attachments)
          .where(
            and(
              eq(attachments.ownerType, 'progress_report'),
              inArray(
                attachments.ownerId,
                reports.map((r) => r.report.id),
              ),
            ),
          )
      : [];
    // The unit the caller reports for on this task (null when it does not report on it): the form shows its months.
    const myUnit = await reportingUnit(ctx, task, undefined).catch(() => null);
    const city = await cityCode(ctx.db);
    const canWrite = (await permission(ctx, 'plan', 'write')).allowed;
    const username = ctx.identity.username;
    /**
     * The REPORT_REVIEW steps the caller may take on a report now, as `reports.submit` and `reports.review` decide:
     * resubmitting a report of the unit it reports for, reviewing one it is the reviewer of (the lead 科室 its
     * counties', the 办公室 the 科室's own).
     */
    const allowed = (r: typeof progressReports.$inferSelect): ReviewAction[] => {
      if (!canWrite) return [];
      const record = { state: r.review, submittedBy: r.submittedBy };
      const level = r.unitCode === city ? ('city' as const) : ('county' as const);
      const reviews = myDepartments(ctx).includes(r.unitCode === city ? PLAN_COORDINATOR : task.lead);
      return [
        ...(r.unitCode === myUnit ? REPORT_REVIEW.allowed(record, { level, username }).filter((a) => a === 'submit') : []),
        ...(reviews ? REPORT_REVIEW.allowed(record, { level: 'city', username }).filter((a) => a !== 'submit') : []),
      ];
    };
    return {
      ...task,
      mine: myDepartments(ctx).includes(task.lead),
      city,
      myUnit,
      milestones: milestones.map((m) => milestoneView(m, today)),
      reports: reports.map(({ report: r, unitName }) => ({
        id: r.id,
        unitCode: r.unitCode,
        unitName,
        period: r.period,
        status: r.status,
        narrative: r.narrative,
        figures: r.figures as { label: string; value: number; unit: string }[],
        review: r.review,
        returnReason: r.returnReason,
        submittedBy: r.submittedBy,
        submittedAt: r.submittedAt.toISOString(),
        reviewedBy: r.reviewedBy,
        reviewedAt: iso(r.reviewedAt),
        version: r.version,
        attachments: files.filter((f) => f.ownerId === r.id).map(({ id, fileName, size }) => ({ id, fileName, size })),
        allowed: allowed(r),
      })),
    };
  }),
} satisfies TRPCRouterRecord;

/** The reports waiting for the caller's review and one report's history (`plan.reports`). */
export const reportReadRouter = {
  /** Reports waiting for this account's review: county reports on tasks its 科室 leads (the 办公室 also reviews the 科室's own). */
  queue: read.query(async ({ ctx }) => {
    const mine = myDepartments(ctx);
    if (mine.length === 0) return [];
    const city = await cityCode(ctx.db);
    const rows = await ctx.db
      .select({ r: progressReports, code: planTasks.code, title: planTasks.title, lead: planTasks.lead, unitName: orgUnits.name })
      .from(progressReports)
      .innerJoin(planTasks, eq(planTasks.id, progressReports.taskId))
      .innerJoin(orgUnits, eq(orgUnits.code, progressReports.unitCode))
      .where(and(eq(progressReports.review, 'submitted'), inArray(planTasks.lead, mine), ne(progressReports.unitCode, city)))
      .orderBy(asc(progressReports.submittedAt));
    return rows.map(({ r, ...t }) => ({
      reportId: r.id,
      taskId: r.taskId,
      code: t.code,
      taskTitle: t.title,
      unitName: t.unitName,
      period: r.period,
      status: r.status,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt.toISOString(),
    }));
  }),

  /** 「操作记录」 of a report: its audit history, for whoever may see the report. */
  history: read.input(z.object({ reportId: RecordId }).strict()).query(async ({ ctx, input }) => {
    await visibleReport(ctx, input.reportId);
    return recordHistory(ctx.db, 'progress_report', input.reportId);
  }),
} satisfies TRPCRouterRecord;
