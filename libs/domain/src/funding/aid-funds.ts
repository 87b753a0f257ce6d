import { z } from 'zod';
import { RecordVersion } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { fenToYuanString } from '../money.ts';
import { DivisionCode } from '../org.ts';
import { textField } from '../text.ts';
import { AidItem, AidSemester } from './aid.ts';

/**
 * 资助资金 per semester (docs/domain/funding.md, *Student aid as built*): per county (budget unit), semester and aid item
 * the city aid centre sets the 预算 and records the 下达 to the county (amount, date, 文号); 发放 is never entered — it is
 * the sum of the aid roll's payments (regular and 补发) of that unit, item and semester. Money is integer fen.
 */

/** An amount of a fund in fen: a county's semester of one item stays far below 1亿元. */
const fundFen = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应为以分计的整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(10_000_000_000, { message: `${label}不能超过1亿元` });

/** The city's entry for one county, semester and item: the budget, and the allocation once made (0 = not yet). */
export const AidFundInput = z
  .object({
    unitCode: DivisionCode,
    semester: AidSemester,
    item: AidItem,
    budget: fundFen('预算金额'),
    allocated: fundFen('下达金额'),
    allocatedOn: IsoDate.optional(),
    documentNo: textField(60, '下达文号').optional(),
    note: textField(200, '说明').optional(),
    /** 0: nothing entered yet for this county, semester and item; otherwise the version the caller saw. */
    expectedVersion: z.union([z.literal(0), RecordVersion], { message: '缺少记录版本，请刷新后重试' }),
  })
  .strict();
export type AidFundInput = z.infer<typeof AidFundInput>;

/**
 * Why a fund entry may not be saved (Chinese, on its field), or null. A bureau allocates what the budget holds: 下达 above
 * 预算 is refused (a larger allocation needs the budget raised first). An allocation carries its date (not in the future)
 * and its 文号; without an allocation neither is kept.
 */
export function fundRefusal(
  f: Pick<AidFundInput, 'budget' | 'allocated' | 'allocatedOn' | 'documentNo'>,
  today: string,
): { field: string; message: string } | null {
  if (f.allocated > f.budget)
    return {
      field: 'allocated',
      message: `下达金额${fenToYuanString(f.allocated)}元超过预算金额${fenToYuanString(f.budget)}元，请先调整预算`,
    };
  if (f.allocated > 0) {
    if (!f.allocatedOn) return { field: 'allocatedOn', message: '请填写下达日期' };
    if (f.allocatedOn > today) return { field: 'allocatedOn', message: '下达日期不能晚于今天' };
    if (!f.documentNo?.trim()) return { field: 'documentNo', message: '请填写下达文号' };
  }
  return null;
}

/**
 * 资金滞留 (configuration, the bureau's own rule — **局定, not sourced**): a fund is retained when, once its semester has
 * ended, less than `minPaidShare` of the allocation has been paid out. Default 90%.
 */
export interface AidRetentionRule {
  minPaidShare: number;
}
export const DEFAULT_AID_RETENTION: AidRetentionRule = { minPaidShare: 0.9 };

/** The last day of a semester: 2022-1 → 2022-08-31 (March–August), 2022-2 → 2023-02-28 (September–February). */
export function semesterLastDay(semester: string): string {
  const year = Number(semester.slice(0, 4));
  if (semester.endsWith('1')) return `${year}-08-31`;
  const leap = (year + 1) % 4 === 0 && ((year + 1) % 100 !== 0 || (year + 1) % 400 === 0);
  return `${year + 1}-02-${leap ? 29 : 28}`;
}

/** 发放率 = paid ÷ allocated (null with nothing allocated: no rate, never 0%). Above 1 when a county adds its own money. */
export const paidRate = (paid: number, allocated: number): number | null => (allocated > 0 ? paid / allocated : null);

/** A fund's standing on a day: nothing allocated, paid out (at least the rule's share), still paying (the semester runs), or 滞留. */
export const AidFundStanding = z.enum(['none', 'running', 'paid', 'retained']);
export type AidFundStanding = z.infer<typeof AidFundStanding>;
export const AID_FUND_STANDING_LABELS: Record<AidFundStanding, { zh: string; en: string }> = {
  none: { zh: '未下达', en: 'Not allocated' },
  running: { zh: '发放中', en: 'Paying out' },
  paid: { zh: '发放达标', en: 'Paid out' },
  retained: { zh: '资金滞留', en: 'Funds held back' },
};

/** The standing of a fund: 滞留 only after the semester's last day, with less than the rule's share paid. */
export function fundStanding(
  f: { semester: string; allocated: number; paid: number },
  today: string,
  rule: AidRetentionRule = DEFAULT_AID_RETENTION,
): AidFundStanding {
  const rate = paidRate(f.paid, f.allocated);
  if (rate === null) return 'none';
  if (rate >= rule.minPaidShare) return 'paid';
  return today > semesterLastDay(f.semester) ? 'retained' : 'running';
}
