import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { MILESTONE_STATE_LABELS, milestoneState, PROGRESS_STATUS_LABELS, type ProgressStatus } from '@hyedu/domain';
import { writeWorkbook, type Column } from '@hyedu/excel';
import type { Context } from '../../context.ts';
import { cityCode, reportVisible, taskVisible } from './access.ts';

const { departments, planMilestones, planTasks, progressReports, workPlans } = tables;

const COLUMNS: Column[] = [
  { key: 'item', header: '事项', width: 6 },
  { key: 'code', header: '任务编号', width: 9 },
  { key: 'task', header: '任务', width: 48 },
  { key: 'lead', header: '牵头科室', width: 18 },
  { key: 'coOwners', header: '配合科室', width: 18 },
  { key: 'milestone', header: '时间节点', width: 28 },
  { key: 'due', header: '截止日期', width: 12 },
  { key: 'state', header: '节点状态', width: 10 },
  { key: 'doneOn', header: '完成日期', width: 12 },
  { key: 'period', header: '最近报告期', width: 11 },
  { key: 'progress', header: '最近进展', width: 10 },
];

/**
 * The reports the export's 最近进展 column is taken from: what the caller's task pages show (plan.tasks.byId), narrowed
 * for city-wide callers to the city's own report (the lead 科室's); a county sees its own unit's, never the city's.
 */
const latestShown = async (ctx: Context) =>
  and(reportVisible(ctx.scope), ctx.scope.kind === 'all' ? eq(progressReports.unitCode, await cityCode(ctx.db)) : undefined);

/** The plan's status as an Excel file: one row per milestone, with the task's latest report the caller may see. */
export async function planStatusWorkbook(ctx: Context, year: number, scopeLabel: string) {
  const [plan] = await ctx.db.select({ title: workPlans.title }).from(workPlans).where(eq(workPlans.year, year));
  const tasks = await ctx.db
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.year, year), taskVisible(ctx.scope)))
    .orderBy(asc(planTasks.itemNo), asc(planTasks.id));
  const ids = tasks.map((t) => t.id);
  const [milestones, depts, reports] = await Promise.all([
    ids.length ? ctx.db.select().from(planMilestones).where(inArray(planMilestones.taskId, ids)).orderBy(asc(planMilestones.seq)) : [],
    ctx.db.select({ key: departments.key, name: departments.name }).from(departments),
    ids.length
      ? ctx.db
          .select()
          .from(progressReports)
          .where(and(inArray(progressReports.taskId, ids), await latestShown(ctx)))
          .orderBy(desc(progressReports.period))
      : [],
  ]);
  const name = (k: string) => depts.find((d) => d.key === k)?.name ?? k;
  const today = ctx.today;
  const rows = tasks.flatMap((t) => {
    const latest = reports.find((r) => r.taskId === t.id);
    return milestones
      .filter((m) => m.taskId === t.id)
      .map((m) => ({
        item: t.itemNo,
        code: t.code,
        task: t.title,
        lead: name(t.lead),
        coOwners: t.coOwners.map(name).join('、'),
        milestone: m.title,
        due: m.due,
        state: MILESTONE_STATE_LABELS[milestoneState(m, today)],
        doneOn: m.doneOn ?? '',
        period: latest?.period ?? '',
        progress: latest ? PROGRESS_STATUS_LABELS[latest.status as ProgressStatus] : '',
      }));
  });
  const title = `${plan?.title ?? `${year}年工作要点`} 落实情况（${scopeLabel}，导出于 ${today}）`;
  return {
    filename: `${year}年工作要点落实情况_${today}.xlsx`,
    base64: (await writeWorkbook([{ name: '落实情况', title, columns: COLUMNS, rows }])).toString('base64'),
    rows: rows.length,
  };
}
