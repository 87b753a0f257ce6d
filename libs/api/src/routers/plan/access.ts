import { TRPCError } from '@trpc/server';
import { arrayOverlaps, eq, type SQL } from 'drizzle-orm';
import { departmentsOf, type DataScope } from '@hyedu/domain';
import { tables, type Db } from '@hyedu/db';
import type { Context } from '../../context.ts';

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

export async function findTask(ctx: Context, taskId: number) {
  const [task] = await ctx.db.select().from(planTasks).where(eq(planTasks.id, taskId));
  if (!task || !canSeeTask(ctx.scope, task.units)) throw new TRPCError({ code: 'NOT_FOUND', message: '任务不存在' });
  return task;
}

/** A report and its task, if the caller may see them (a county only its own unit's reports); otherwise NOT_FOUND. */
export async function visibleReport(ctx: Context, reportId: number) {
  const [report] = await ctx.db.select().from(progressReports).where(eq(progressReports.id, reportId));
  const visible = report && (ctx.scope.kind === 'all' || (ctx.scope.kind === 'units' && ctx.scope.unitCodes.includes(report.unitCode)));
  if (!report || !visible) throw new TRPCError({ code: 'NOT_FOUND', message: '报告不存在' });
  return { report, task: await findTask(ctx, report.taskId) };
}

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
  if (!myDepartments(ctx).includes(task.lead)) throw new TRPCError({ code: 'FORBIDDEN', message: '只有牵头科室或承担任务的县市区可以报送进展' });
  return cityCode(ctx.db);
}

export async function cityCode(db: Db): Promise<string> {
  const [city] = await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.kind, 'city'));
  if (!city) throw new Error('组织机构中缺少市级单位');
  return city.code;
}
