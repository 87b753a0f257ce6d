import { eq } from 'drizzle-orm';
import { PROGRESS_STATUS_LABELS, reportingPeriods, type ProgressStatus } from '@hyedu/domain';
import type { Tx } from '../audit.ts';
import { planMilestones, planTasks, progressReports } from '../schema/index.ts';
import { createRng } from './prng.ts';

/**
 * Demo progress on the 2022 plan (deterministic): most milestones done on or shortly after their date, a few left
 * open (so they show as overdue), and the lead 科室's reviewed monthly reports from the month the plan was issued to December.
 */
export async function seedPlanProgress(tx: Tx, year: number, issuedOn: string, cityCode: string, seed = 20220414) {
  const rng = createRng(seed);
  const milestones = await tx.select().from(planMilestones);
  for (const m of milestones) {
    if (!rng.chance(0.85)) continue;
    const late = rng.chance(0.2) ? rng.int(1, 20) : -rng.int(0, 10);
    const doneOn = new Date(Date.parse(`${m.due}T00:00:00Z`) + late * 86_400_000).toISOString().slice(0, 10);
    await tx.update(planMilestones).set({ doneOn, doneBy: 'demo' }).where(eq(planMilestones.id, m.id));
  }
  const tasks = await tx.select({ id: planTasks.id, lead: planTasks.lead, title: planTasks.title }).from(planTasks).where(eq(planTasks.year, year));
  const periods = reportingPeriods(year, issuedOn);
  const rows = [];
  for (const task of tasks) {
    let status: ProgressStatus = 'not_started';
    for (const [i, period] of periods.entries()) {
      status = i === periods.length - 1 && rng.chance(0.7) ? 'done' : rng.weighted<ProgressStatus>([['in_progress', 8], ['behind', 1], ['at_risk', 0.5], [status === 'not_started' ? 'not_started' : 'in_progress', 1]]);
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
