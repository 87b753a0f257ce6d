import { eq } from 'drizzle-orm';
import { PROGRESS_STATUS_LABELS, reportingPeriods, type ProgressStatus } from '@hyedu/domain';
import type { Tx } from '../audit.ts';
import { planMilestones, planTasks, progressReports } from '../schema/index.ts';
import { createRng } from './prng.ts';

/**
 * Demo progress on the 2022 plan (deterministic), as it stands at the start of `today` (the as-of date): the lead
 * 科室's reviewed monthly reports (submitted on the 28th) from the month the plan was issued up to the last one before
 * `today`; a milestone is marked done only on a day before `today` and only where one of those reports, dated on or
 * after that day, records it. A few are left open past their date (so they show as overdue); none is done in the future.
 */
export async function seedPlanProgress(tx: Tx, year: number, issuedOn: string, cityCode: string, today: string, seed = 20220414) {
  const rng = createRng(seed);
  const periods = reportingPeriods(year, issuedOn).filter((p) => `${p}-28` < today);
  const lastReport = periods.length ? `${periods.at(-1)}-28` : null;
  const milestones = await tx.select().from(planMilestones);
  for (const m of milestones) {
    if (!rng.chance(0.85)) continue;
    const late = rng.chance(0.2) ? rng.int(1, 20) : -rng.int(0, 10);
    const doneOn = new Date(Date.parse(`${m.due}T00:00:00Z`) + late * 86_400_000).toISOString().slice(0, 10);
    // Supported by a record: a monthly report submitted on or after the day it was done, before the as-of date.
    if (lastReport === null || doneOn > lastReport) continue;
    await tx.update(planMilestones).set({ doneOn, doneBy: 'demo' }).where(eq(planMilestones.id, m.id));
  }
  const tasks = await tx
    .select({ id: planTasks.id, lead: planTasks.lead, title: planTasks.title })
    .from(planTasks)
    .where(eq(planTasks.year, year));
  const rows = [];
  for (const task of tasks) {
    let status: ProgressStatus = 'not_started';
    for (const [i, period] of periods.entries()) {
      status =
        i === periods.length - 1 && periods[i] === `${year}-12` && rng.chance(0.7)
          ? 'done'
          : rng.weighted<ProgressStatus>([
              ['in_progress', 8],
              ['behind', 1],
              ['at_risk', 0.5],
              [status === 'not_started' ? 'not_started' : 'in_progress', 1],
            ]);
      rows.push({
        taskId: task.id,
        unitCode: cityCode,
        period,
        status,
        narrative: `${period.replace('-', '年')}月：${task.title}${PROGRESS_STATUS_LABELS[status]}（演示数据）。`,
        figures: [],
        review: 'reviewed' as const,
        submittedBy: 'demo',
        submittedAt: new Date(`${period}-28T10:00:00+08:00`),
        reviewedBy: 'demo',
        reviewedAt: new Date(`${period}-28T16:00:00+08:00`),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(progressReports).values(rows.slice(i, i + 500));
  return rows.length;
}
