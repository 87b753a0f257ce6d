import { TRPCError } from '@trpc/server';
import { and, arrayOverlaps, eq, inArray, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { departmentsOf, type DataScope } from '@hyedu/domain';
import type { Context } from '../../context.ts';
import { scoped } from '../../scoped.ts';

const { orgUnits, planTasks, progressReports } = tables;

/**
 * Who may see a task: city-wide scopes see every task; a county sees the tasks it carries out (its code among the
 * task's units). Out-of-scope tasks are NOT_FOUND, never FORBIDDEN (no existence leak).
 */
export function taskVisible(scope: DataScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'units') return arrayOverlaps(planTasks.units, scope.unitCodes);
  return eq(planTasks.id, -1); // schools and empty scopes see no plan tasks
}

/** The reports a caller may see: city-wide scopes every report, a county its own unit's (the lead 科室's are the city's). */
export function reportVisible(scope: DataScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'units')
    return scope.unitCodes.length ? inArray(progressReports.unitCode, scope.unitCodes) : eq(progressReports.id, -1);
  return eq(progressReports.id, -1);
}

/** A task if the caller may see it, else nothing. */
export async function taskIfVisible(ctx: Context, taskId: number) {
  const [task] = await ctx.db.select().from(planTasks).where(eq(planTasks.id, taskId));
  return task && canSeeTask(ctx.scope, task.units) ? task : undefined;
}

/** A task the caller may see, or the one NOT_FOUND. */
export const findTask = (ctx: Context, taskId: number) => scoped('plan_task', taskId, () => taskIfVisible(ctx, taskId));

/** A report and its task if the caller may see both (a county only its own unit's reports), else nothing. */
export async function reportIfVisible(ctx: Context, reportId: number) {
  const [report] = await ctx.db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.id, reportId), reportVisible(ctx.scope)));
  const task = report && (await taskIfVisible(ctx, report.taskId));
  return report && task ? { report, task } : undefined;
}

/** A report and its task, if the caller may see them; otherwise the one NOT_FOUND. */
export const visibleReport = (ctx: Context, reportId: number) => scoped('progress_report', reportId, () => reportIfVisible(ctx, reportId));

export const canSeeTask = (scope: DataScope, units: readonly string[]) =>
  scope.kind === 'all' || (scope.kind === 'units' && units.some((u) => scope.unitCodes.includes(u)));

/** The signed-in account's departments (科室). */
export const myDepartments = (ctx: Context) => departmentsOf(ctx.identity?.grants ?? []);

/** The units a report may be filed for by this account on a task: a county its own, a lead 科室 the city. */
export async function reportingUnit(ctx: Context, task: { lead: string; units: string[] }, asked: string | undefined): Promise<string> {
  if (ctx.scope.kind === 'units') {
    const mine = ctx.scope.unitCodes.filter((u) => task.units.includes(u));
    const unit = asked ?? (mine.length === 1 ? mine[0] : undefined);
    if (!unit || !mine.includes(unit)) throw new TRPCError({ code: 'BAD_REQUEST', message: '请选择本单位负责的县市区' });
    return unit;
  }
  if (!myDepartments(ctx).includes(task.lead))
    throw new TRPCError({ code: 'FORBIDDEN', message: '只有牵头科室或承担任务的县市区可以报送进展' });
  return cityCode(ctx.db);
}

export async function cityCode(db: Db): Promise<string> {
  const [city] = await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.kind, 'city'));
  if (!city) throw new Error('组织机构中缺少市级单位');
  return city.code;
}
