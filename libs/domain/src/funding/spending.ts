import { z } from 'zod';
import { RecordId, RecordVersion } from '../bounds.ts';
import { DivisionCode } from '../org.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { SPENDING_WORKFLOW } from './spending-workflow.ts';

export { SPENDING_WORKFLOW } from './spending-workflow.ts';

/**
 * “两个只增不减” (国办发〔2018〕82号; docs/domain/funding.md): per budget unit (a 县市区, 高新区, 市本级), ① 一般公共预算教育支出
 * and ② 按在校学生人数平均的一般公共预算教育支出 must not fall from one year to the next; an equal figure is not a fall.
 * The check rests on 决算 (final accounts), one year behind: the check of plan year Y compares the 决算 of Y−1 with Y−2.
 * The pupils are the same unit's 在校生 in the multi-year enrolment base: 决算 year Y uses the 学年初 census taken in the
 * autumn of Y (school year “Y-(Y+1)”), every stage and ownership; a year without a census uses the pupils the unit
 * reported on its return. Money is integer fen.
 */

/** The 决算 years the platform accepts. */
export const MIN_FISCAL_YEAR = 2010;
export const MAX_FISCAL_YEAR = 2100;
export const FiscalYear = z
  .number({ message: '决算年度应为数字' })
  .int({ message: '决算年度应为整数' })
  .min(MIN_FISCAL_YEAR, { message: `决算年度不能早于${MIN_FISCAL_YEAR}年` })
  .max(MAX_FISCAL_YEAR, { message: `决算年度不能晚于${MAX_FISCAL_YEAR}年` });

/** The two 决算 years a plan year's check compares: the 2022 check compares 2021 with 2020. */
export function comparedYears(planYear: number): { year: number; previous: number } {
  return { year: planYear - 1, previous: planYear - 2 };
}

/** The label every figure carries: 「2021年决算」. */
export const fiscalYearLabel = (year: number, locale: 'zh' | 'en' = 'zh') => (locale === 'zh' ? `${year}年决算` : `${year} final accounts`);

/** The enrolment census a 决算 year's pupils come from: the 学年初 census of that autumn (2021 → “2021-2022”). */
export const censusYearOf = (fiscalYear: number) => `${fiscalYear}-${fiscalYear + 1}`;

/** The stages of the enrolment base a return may break its spending down by (幼儿园, 小学, 初中, 高中, 中职, 特教). */
export const SPENDING_STAGES = ['K', 'P', 'J', 'S', 'V', 'X'] as const;
export type SpendingStage = (typeof SPENDING_STAGES)[number];
export const SPENDING_STAGE_LABELS: Record<SpendingStage, { zh: string; en: string }> = {
  K: { zh: '学前教育', en: 'Pre-school' },
  P: { zh: '小学', en: 'Primary' },
  J: { zh: '初中', en: 'Junior secondary' },
  S: { zh: '普通高中', en: 'Senior secondary' },
  V: { zh: '中等职业教育', en: 'Vocational' },
  X: { zh: '特殊教育', en: 'Special education' },
};

/** An amount of a budget, in fen: a whole number, at most 1,000 亿元 (10¹³ fen, within JavaScript's safe integers). */
export const MAX_BUDGET_FEN = 10_000_000_000_000;
export const budgetFen = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应以分计的整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(MAX_BUDGET_FEN, { message: `${label}不能超过1000亿元` });

/** Pupils a unit reports itself (only used for a year the enrolment base has no census of). */
export const ReportedPupils = z
  .number({ message: '在校生数应为数字' })
  .int({ message: '在校生数应为整数' })
  .positive({ message: '在校生数应大于0' })
  .max(10_000_000, { message: '在校生数过大' });

/**
 * A unit's return for one 决算 year: its general-budget education spending, optionally by stage (the stages need not
 * add up to the total: some spending — administration, 教育附加 — belongs to no stage), and its pupils when the base
 * holds no census of that year.
 */
export const SpendingReturnInput = z
  .object({
    unitCode: DivisionCode,
    fiscalYear: FiscalYear,
    budgetSpending: budgetFen('一般公共预算教育支出'),
    byStage: z.partialRecord(z.enum(SPENDING_STAGES), budgetFen('分学段支出')).optional(),
    reportedPupils: ReportedPupils.optional(),
    note: textField(1000, '说明').optional(),
  })
  .strict();
export type SpendingReturnInput = z.infer<typeof SpendingReturnInput>;

export const SpendingReturnUpdate = SpendingReturnInput.omit({ unitCode: true, fiscalYear: true })
  .extend({ id: RecordId, expectedVersion: RecordVersion })
  .strict();
export type SpendingReturnUpdate = z.infer<typeof SpendingReturnUpdate>;

/** A stage's spending cannot exceed the total. */
export function spendingRefusal(input: Pick<SpendingReturnInput, 'budgetSpending' | 'byStage'>) {
  for (const stage of SPENDING_STAGES) {
    const v = input.byStage?.[stage];
    if (v !== undefined && v > input.budgetSpending)
      return { field: `byStage.${stage}`, message: `${SPENDING_STAGE_LABELS[stage].zh}支出不能超过一般公共预算教育支出` };
  }
  return null;
}

export const SpendingStatus = z.enum(SPENDING_WORKFLOW.states);
export type SpendingStatus = z.infer<typeof SpendingStatus>;
export const SPENDING_STATUS_LABELS = stateLabels(SPENDING_WORKFLOW, 'zh');
export const SpendingAction = stepEnum(SPENDING_WORKFLOW);
export type SpendingAction = z.infer<typeof SpendingAction>;

/** One year of a unit as the rule reads it: spending in fen and pupils (null when neither the base nor the return has them). */
export interface SpendingYear {
  year: number;
  spending: number;
  pupils: number | null;
}

/** How a figure moved from the previous year: up, equal (not a fall), down, or not known. */
export type Movement = 'up' | 'equal' | 'down' | 'unknown';

const movement = (cmp: number | null): Movement => (cmp === null ? 'unknown' : cmp > 0 ? 'up' : cmp === 0 ? 'equal' : 'down');

/** Per-pupil spending in fen (for display; the rule compares exactly, without rounding). */
export const perPupil = (y: Pick<SpendingYear, 'spending' | 'pupils'>): number | null =>
  y.pupils ? Math.round(y.spending / y.pupils) : null;

/**
 * Compares spending ÷ pupils of two years exactly: sign of a/b − c/d by cross-multiplying in BigInt (fen × pupils can
 * pass 2⁵³). Null when a year has no pupils.
 */
export function comparePerPupil(cur: SpendingYear, prev: SpendingYear): number | null {
  if (!cur.pupils || !prev.pupils) return null;
  const l = BigInt(cur.spending) * BigInt(prev.pupils);
  const r = BigInt(prev.spending) * BigInt(cur.pupils);
  return l > r ? 1 : l === r ? 0 : -1;
}

export interface TwoNoDecrease {
  year: number;
  previous: number;
  spending: Movement;
  perPupil: Movement;
  /** Both held (neither fell); false when either fell; null when a year is missing or its pupils are unknown. */
  met: boolean | null;
}

/** The rule for one unit and one year against the year before. Equal counts as not falling. */
export function twoNoDecrease(cur: SpendingYear | undefined, prev: SpendingYear | undefined): TwoNoDecrease | null {
  if (!cur || !prev) return null;
  const spending = movement(Math.sign(cur.spending - prev.spending));
  const pp = movement(comparePerPupil(cur, prev));
  const fell = spending === 'down' || pp === 'down';
  const met = fell ? false : pp === 'unknown' ? null : true;
  return { year: cur.year, previous: prev.year, spending, perPupil: pp, met };
}
