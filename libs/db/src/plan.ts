import { PlanTask, type Department } from '@hyedu/domain';
import type { Tx } from './audit.ts';
import { departments, planMilestones, planTasks } from './schema/index.ts';

/**
 * Writes a year's tasks and their milestones (the plan import and the demo seed). `countyUnits` is what a task's
 * `units: 'all'` stands for. Validates every task first; throws with the task code on the first invalid one.
 */
export async function insertPlanTasks(tx: Tx, year: number, tasks: readonly PlanTask[], countyUnits: readonly string[]) {
  const parsed = tasks.map((t) => {
    const r = PlanTask.safeParse(t);
    if (!r.success) throw new Error(`任务 ${t.code}：${r.error.issues[0]?.message ?? '无效'}`);
    return r.data;
  });
  const ids = new Map<string, number>();
  for (const t of parsed) {
    const [row] = await tx
      .insert(planTasks)
      .values({
        year,
        code: t.code,
        itemNo: t.itemNo,
        title: t.title,
        lead: t.lead,
        coOwners: t.coOwners,
        units: t.units === 'all' ? [...countyUnits] : t.units,
        kpis: t.kpis,
      })
      .returning({ id: planTasks.id });
    ids.set(t.code, row!.id);
    await tx.insert(planMilestones).values(t.milestones.map((m, i) => ({ taskId: row!.id, seq: i + 1, title: m.title, due: m.due })));
  }
  return ids;
}

export const insertDepartments = (tx: Tx, list: readonly Department[]) => tx.insert(departments).values(list.map((d) => ({ ...d })));
