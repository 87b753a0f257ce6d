import { z } from 'zod';
import { MAX_LIST_ENTRIES, MAX_MILESTONES_PER_TASK } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { DivisionCode } from '../org.ts';
import { textField } from '../text.ts';
import { DeptKey } from './departments.ts';

/**
 * What the plan's items break down into (docs/domain/plan.md portal model): Item → Task (lead 科室, co-owners, county units
 * involved) → Milestone (due date) and KPI bindings. A task code is '<item>.<n>', e.g. '5.1'.
 */
export const TaskCode = z.string().regex(/^\d{1,2}\.\d{1,2}$/, { message: '任务编号应为“事项号.序号”，如 5.1' });

export const Milestone = z
  .object({
    title: textField(100, '节点名称').pipe(z.string().min(1, { message: '请输入节点名称' })),
    due: IsoDate,
  })
  .strict();
export type Milestone = z.infer<typeof Milestone>;

export const PlanTask = z
  .object({
    code: TaskCode,
    itemNo: z.number().int().min(1).max(99),
    title: textField(200, '任务名称').pipe(z.string().min(1, { message: '请输入任务名称' })),
    lead: DeptKey,
    coOwners: z
      .array(DeptKey)
      .max(MAX_LIST_ENTRIES, { message: `配合科室最多${MAX_LIST_ENTRIES}个` })
      .default([]),
    /** County-level units that carry the task out and report on it; 'all' = every county unit. Empty = city level only. */
    units: z.union([z.literal('all'), z.array(DivisionCode).max(MAX_LIST_ENTRIES, { message: `承办单位最多${MAX_LIST_ENTRIES}个` })], {
      message: '承办单位应为“全部”或单位列表',
    }),
    milestones: z
      .array(Milestone)
      .min(1, { message: '每项任务至少要有一个时间节点' })
      .max(MAX_MILESTONES_PER_TASK, { message: `每项任务最多${MAX_MILESTONES_PER_TASK}个时间节点` }),
    /** KPIs (ids of the KPI catalogue) that measure the task. */
    kpis: z
      .array(textField(60, '关联指标'))
      .max(MAX_LIST_ENTRIES, { message: `关联指标最多${MAX_LIST_ENTRIES}个` })
      .default([]),
  })
  .strict()
  .refine((t) => !t.coOwners.includes(t.lead), { message: '牵头科室不能同时是配合科室', path: ['coOwners'] })
  .refine((t) => t.code.startsWith(`${t.itemNo}.`), { message: '任务编号应以所属事项号开头', path: ['code'] });
export type PlanTask = z.infer<typeof PlanTask>;

export type MilestoneState = 'done' | 'overdue' | 'due_this_week' | 'upcoming';
export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  done: '已完成',
  overdue: '已逾期',
  due_this_week: '本周到期',
  upcoming: '未到期',
};

/** The Monday and Sunday of the week `today` falls in (weeks start on Monday, as Chinese calendars do). */
export function weekOf(today: string): { monday: string; sunday: string } {
  const d = new Date(`${today}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const day = (offset: number) => new Date(d.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { monday: day(-dow), sunday: day(6 - dow) };
}

/**
 * Where a milestone stands on `today` (a Beijing-time date): done when it has a completion date; otherwise overdue
 * once its due date has passed (the due day itself is still on time), due this week when it falls in this week.
 */
export function milestoneState(m: { due: string; doneOn: string | null }, today: string): MilestoneState {
  if (m.doneOn) return 'done';
  if (m.due < today) return 'overdue';
  const { sunday } = weekOf(today);
  return m.due <= sunday ? 'due_this_week' : 'upcoming';
}

/** Today's date in Beijing time (UTC+8, no daylight saving) as 'YYYY-MM-DD'. */
export const beijingDate = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
