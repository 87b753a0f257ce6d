import { z } from 'zod';
import { ReportPeriod } from '../bounds.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { REPORT_REVIEW } from './progress-workflow.ts';

export { REPORT_REVIEW } from './progress-workflow.ts';

/** A progress report's own assessment (issue 4): 未开始 / 推进中 / 已完成 / 滞后 / 有风险. */
export const ProgressStatus = z.enum(['not_started', 'in_progress', 'done', 'behind', 'at_risk'], { message: '请选择进展状态' });
export type ProgressStatus = z.infer<typeof ProgressStatus>;
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  behind: '滞后',
  at_risk: '有风险',
};

/** A reporting period: a calendar month 'YYYY-MM' of the plan years (reports are monthly by default). */
export const Period = ReportPeriod;

/** A figure the reporter gives, e.g. { label: '已转为公办学校数', value: 12, unit: '所' }. */
export const ReportedFigure = z
  .object({
    label: textField(40, '指标名称').pipe(z.string().min(1, { message: '请输入指标名称' })),
    value: z.number({ message: '数值应为数字' }).finite({ message: '数值应为有限数字' }),
    unit: textField(10, '单位'),
  })
  .strict();

export const ReportInput = z
  .object({
    period: Period,
    status: ProgressStatus,
    narrative: textField(4000, '进展情况').pipe(z.string().min(10, { message: '进展情况至少写10个字' })),
    figures: z.array(ReportedFigure).max(20, { message: '最多填报20项数据' }).default([]),
  })
  .strict();
export type ReportInput = z.infer<typeof ReportInput>;

/** A return or an instruction must say why / what: at least a few characters, not just spaces. */
export const Reason = textField(500, '原因').pipe(z.string().min(2, { message: '请填写退回原因' }));

/** Where a report is in review (the workflow's states; the schema and labels are built from them). */
export const ReviewState = z.enum(REPORT_REVIEW.states);
export type ReviewState = z.infer<typeof ReviewState>;
export const REVIEW_STATE_LABELS = stateLabels(REPORT_REVIEW, 'zh');
export type ReviewAction = (typeof REPORT_REVIEW.actions)[number];
/** The reviewer's steps, as an input schema (submitting has its own procedure). */
export const ReviewStep = stepEnum(REPORT_REVIEW, ['submit']);

/** Whether a report in `state` (null: none yet) may be (re)submitted: the workflow's rule, for the form's month list. */
const canSubmit = (state: ReviewState | null) =>
  REPORT_REVIEW.refusal(state ? { state } : null, 'submit', { level: 'county', username: '' }) === null;

/** The month periods a year's plan is reported on: from the month it was issued through December. */
export function reportingPeriods(year: number, issuedOn: string): string[] {
  const startMonth = issuedOn.startsWith(`${year}-`) ? Number(issuedOn.slice(5, 7)) : 1;
  return Array.from({ length: 13 - startMonth }, (_, i) => `${year}-${String(startMonth + i).padStart(2, '0')}`);
}

/** Where a unit's report for one month stands: none yet (open), or its review state. */
export type PeriodState = 'open' | ReviewState;

/**
 * Each month of the plan with where the unit's report stands, and whether a report may be (re)submitted for it now
 * (the same rule as the server's: new or returned only).
 */
export function periodStates(
  periods: readonly string[],
  reports: readonly { period: string; review: ReviewState }[],
): { period: string; state: PeriodState; canSubmit: boolean }[] {
  const byPeriod = new Map(reports.map((r) => [r.period, r.review]));
  return periods.map((period) => {
    const review = byPeriod.get(period) ?? null;
    return { period, state: review ?? 'open', canSubmit: canSubmit(review) };
  });
}

/** The month a new report is for by default: the earliest month not yet reported up to this month (else the earliest later one). */
export function firstOpenPeriod(states: readonly { period: string; state: PeriodState }[], thisMonth: string): string | undefined {
  const open = states.filter((s) => s.state === 'open');
  return (open.find((s) => s.period <= thisMonth) ?? open[0])?.period;
}
