import { z } from 'zod';
import { RecordId, RecordVersion } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { formatFen } from '../money.ts';
import { DivisionCode } from '../org.ts';
import { requiredText, textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { PAY_RECTIFICATION_WORKFLOW } from './pay-rectification-workflow.ts';
import { PAY_RETURN_WORKFLOW } from './pay-workflow.ts';

/**
 * 教师工资保障 (seed item 19: 落实教师各项待遇政策 … 完善中小学教师工资保障情况督查机制). The rule (教师法 第二十五条; shared
 * domain notes §6.2): 义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平 — every county committed in 2020 — and teachers are paid
 * their 年终一次性奖励 no later than the county's civil servants. Each county-level unit files one return a year; the
 * city's 教师工作科室 reviews it; a county found below or late gets a 督查整改 case.
 *
 * A return for year Y: the average annual pay (应发, per head) of the county's 义务教育 teachers and of its civil
 * servants in year Y (for the current year the full-year figure the county expects, as counties report in the autumn
 * 督查), and the dates on which the 年终一次性奖励 was paid in year Y to civil servants and to teachers.
 */

/** The years returns are filed for. */
export const PAY_YEARS = [2020, 2021, 2022] as const;
export const PayYear = z
  .number({ message: '请选择年度' })
  .int({ message: '年度应为整数' })
  .min(PAY_YEARS[0], { message: `年度不能早于${PAY_YEARS[0]}年` })
  .max(PAY_YEARS.at(-1)!, { message: `年度不能晚于${PAY_YEARS.at(-1)}年` });

/** Pay per head and year cannot plausibly exceed 100万元. */
export const MAX_PAY_FEN = 100_000_000;
/** An average pay in fen (per head, per year), with the field's name in every message. */
export const payFen = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .int({ message: `${label}最多保留两位小数` })
    .min(0, { message: `${label}不能为负数` })
    .max(MAX_PAY_FEN, { message: `${label}不能超过100万元` });

/** What a return says. Components (基本工资, 绩效工资, 年终一次性奖励) are the teachers' averages, optional. */
export const PayFigures = z
  .object({
    teacherAvgPay: payFen('义务教育教师年平均工资收入'),
    civilServantAvgPay: payFen('公务员年平均工资收入'),
    teacherBasePay: payFen('基本工资').optional(),
    teacherPerformancePay: payFen('绩效工资').optional(),
    teacherBonus: payFen('年终一次性奖励').optional(),
    linkageEstablished: z.boolean({ message: '请选择是否建立联动机制' }),
    linkageDocument: textField(100, '联动机制文件').optional(),
    civilServantBonusOn: IsoDate.optional(),
    teacherBonusOn: IsoDate.optional(),
    note: textField(1000, '说明').optional(),
  })
  .strict();
export type PayFigures = z.infer<typeof PayFigures>;

export const PayReturnInput = PayFigures.extend({ unitCode: DivisionCode, year: PayYear }).strict();
export type PayReturnInput = z.infer<typeof PayReturnInput>;
/** Saving a return that exists: its figures and the version the caller saw. */
export const PayReturnUpdate = PayFigures.extend({ id: RecordId, expectedVersion: RecordVersion }).strict();
export type PayReturnUpdate = z.infer<typeof PayReturnUpdate>;

/** Refusals across fields, each with its field: the components within the average, the linkage's document, bonus dates within the year. */
export function payRefusals(f: PayFigures, year: number): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const parts = (f.teacherBasePay ?? 0) + (f.teacherPerformancePay ?? 0) + (f.teacherBonus ?? 0);
  if (parts > f.teacherAvgPay)
    out.push({ field: 'teacherAvgPay', message: '基本工资、绩效工资与年终一次性奖励之和不能超过年平均工资收入' });
  if (f.linkageEstablished && !f.linkageDocument?.trim())
    out.push({ field: 'linkageDocument', message: '已建立联动机制的，请填写联动机制文件名称或文号' });
  for (const key of ['civilServantBonusOn', 'teacherBonusOn'] as const) {
    const d = f[key];
    if (d && !d.startsWith(`${year}-`))
      out.push({ field: key, message: `${key === 'teacherBonusOn' ? '教师' : '公务员'}年终一次性奖励发放日期应在${year}年内` });
  }
  return out;
}

/** The figures a judgement reads. */
export type PayJudged = Pick<PayFigures, 'teacherAvgPay' | 'civilServantAvgPay' | 'civilServantBonusOn' | 'teacherBonusOn'>;

/** Red: the teachers' average pay is below the civil servants' (equal meets the rule: 不低于). */
export const payBelowBenchmark = (r: Pick<PayJudged, 'teacherAvgPay' | 'civilServantAvgPay'>): boolean =>
  r.teacherAvgPay < r.civilServantAvgPay;

/**
 * Late: the civil servants had their 年终一次性奖励 and the teachers had theirs on a later day, or not yet. Not late
 * when the civil servants had none in the year (nothing to be later than).
 */
export const bonusLate = (r: Pick<PayJudged, 'civilServantBonusOn' | 'teacherBonusOn'>): boolean =>
  !!r.civilServantBonusOn && (!r.teacherBonusOn || r.teacherBonusOn > r.civilServantBonusOn);

/** Teachers' average minus civil servants' (fen; negative when below). */
export const payGap = (r: Pick<PayJudged, 'teacherAvgPay' | 'civilServantAvgPay'>): number => r.teacherAvgPay - r.civilServantAvgPay;
/** The gap as a share of the civil servants' average (−0.05 = 5% below); null without a civil-servant average. */
export const payGapRatio = (r: Pick<PayJudged, 'teacherAvgPay' | 'civilServantAvgPay'>): number | null =>
  r.civilServantAvgPay > 0 ? payGap(r) / r.civilServantAvgPay : null;

/** Days the teachers' bonus came after the civil servants' (0 when not late or not comparable; null when not paid yet). */
export function bonusDelayDays(r: Pick<PayJudged, 'civilServantBonusOn' | 'teacherBonusOn'>): number | null {
  if (!r.civilServantBonusOn) return 0;
  if (!r.teacherBonusOn) return null;
  const days = (Date.parse(r.teacherBonusOn) - Date.parse(r.civilServantBonusOn)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

export const PayFindingKind = z.enum(['below', 'bonusLate'], { message: '请选择督查发现的问题' });
export type PayFindingKind = z.infer<typeof PayFindingKind>;
export const PAY_FINDING_LABELS: Record<PayFindingKind, { zh: string; en: string }> = {
  below: { zh: '教师平均工资收入低于公务员', en: 'Teachers paid below civil servants' },
  bonusLate: { zh: '教师年终一次性奖励晚于公务员发放', en: 'Teachers’ year-end bonus paid later' },
};

/** The findings of a return, each with its Chinese text (the comparison's red flags and a 督查整改 case's grounds). */
export function payFindings(r: PayJudged): { kind: PayFindingKind; text: string }[] {
  const out: { kind: PayFindingKind; text: string }[] = [];
  if (payBelowBenchmark(r))
    out.push({
      kind: 'below',
      text: `教师年平均工资收入${formatFen(r.teacherAvgPay)}元，低于公务员${formatFen(r.civilServantAvgPay)}元，差${formatFen(-payGap(r))}元`,
    });
  if (bonusLate(r)) {
    const days = bonusDelayDays(r);
    out.push({
      kind: 'bonusLate',
      text:
        days === null
          ? `公务员年终一次性奖励已于${r.civilServantBonusOn}发放，教师尚未发放`
          : `教师年终一次性奖励${r.teacherBonusOn}发放，晚于公务员（${r.civilServantBonusOn}）${days}天`,
    });
  }
  return out;
}

/** 教师工资保障的县市区占比 = filing units whose accepted return meets the benchmark ÷ filing units (one without an accepted return does not count as meeting); null without units. */
export const wageGuaranteeRate = (meeting: number, judged: number): number | null => (judged > 0 ? meeting / judged : null);

export { PAY_RETURN_WORKFLOW } from './pay-workflow.ts';
export { PAY_RECTIFICATION_WORKFLOW } from './pay-rectification-workflow.ts';

export const PayStatus = z.enum(PAY_RETURN_WORKFLOW.states, { message: '请选择状态' });
export type PayStatus = z.infer<typeof PayStatus>;
export const PAY_STATUS_LABELS = stateLabels(PAY_RETURN_WORKFLOW, 'zh');
export const PayAction = stepEnum(PAY_RETURN_WORKFLOW);
export type PayAction = z.infer<typeof PayAction>;
/** The states in which the county (or the 科室 for it) may still change the figures. */
export const PAY_EDITABLE: readonly PayStatus[] = ['draft', 'returned'];
export const payCase = (r: { status: PayStatus; submittedBy: string | null }) => ({ state: r.status, submittedBy: r.submittedBy });

export const RectificationStatus = z.enum(PAY_RECTIFICATION_WORKFLOW.states, { message: '请选择状态' });
export type RectificationStatus = z.infer<typeof RectificationStatus>;
export const RECTIFICATION_STATUS_LABELS = stateLabels(PAY_RECTIFICATION_WORKFLOW, 'zh');
export const RectificationAction = stepEnum(PAY_RECTIFICATION_WORKFLOW);
export type RectificationAction = z.infer<typeof RectificationAction>;
export const rectificationCase = (r: { status: RectificationStatus; reportedBy: string | null }) => ({
  state: r.status,
  submittedBy: r.reportedBy,
});

/** A 督查整改 case the city opens for a county and year: what was found and by when it is to be rectified. */
export const RectificationInput = z
  .object({
    unitCode: DivisionCode,
    year: PayYear,
    findingKinds: z.array(PayFindingKind).min(1, { message: '请选择督查发现的问题' }).max(2, { message: '督查发现的问题最多2项' }),
    findingText: requiredText(1000, '督查发现情况', 2),
    deadline: IsoDate,
  })
  .strict();
export type RectificationInput = z.infer<typeof RectificationInput>;

/** A step on a case: 报告整改情况 carries the measures taken; 退回 a reason. */
export const RectificationStep = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    action: RectificationAction,
    measures: textField(2000, '整改措施').optional(),
    reason: textField(500, '原因').optional(),
  })
  .strict();
export type RectificationStep = z.infer<typeof RectificationStep>;

/** A case is overdue when its deadline has passed (today later) and it is not yet 待复核 or 已销号. */
export const rectificationOverdue = (r: { status: RectificationStatus; deadline: string }, today: string): boolean =>
  today > r.deadline && (r.status === 'found' || r.status === 'rectifying');
