import { z } from 'zod';
import { IsoDate } from '../date.ts';
import { keyOfWord } from '../header-mapping.ts';
import { IdCardNumber } from '../id-card.ts';
import { yuanToFen } from '../money.ts';
import { compactText, requiredText } from '../text.ts';
import { AID_ITEM_LABELS, AidAmountFen, AidItem, AidSemester } from './aid.ts';

/**
 * Importing a semester's aid roll (发放名册) as the national student-aid management system exports it: per row a
 * pupil's ID number and name, the item (by its label or the system's usual names), the semester (a column, or the
 * one chosen in the dialog for rows without it), the amount in 元 and the date paid. Every row is a regular payment.
 */
export const AidRollField = z.enum(['name', 'idNumber', 'item', 'semester', 'amount', 'paidOn'], { message: '没有这个导入字段' });
export type AidRollField = z.infer<typeof AidRollField>;
export const AID_ROLL_FIELD_LABELS: Record<AidRollField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  item: { zh: '资助项目', en: 'Aid item' },
  semester: { zh: '学期', en: 'Semester' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  paidOn: { zh: '发放日期', en: 'Paid on' },
};
/** The headers read (default only). 学期 may be left out of the file: the dialog's semester applies. */
export const AID_ROLL_HEADERS: Record<AidRollField, readonly string[]> = {
  name: ['姓名', '学生姓名', '受助学生姓名'],
  idNumber: ['身份证号', '身份证件号', '身份证件号码', '公民身份号码'],
  item: ['资助项目', '资助项目名称', '项目名称'],
  semester: ['学期', '发放学期', '资助学期'],
  amount: ['金额（元）', '发放金额（元）', '资助金额（元）', '发放金额', '金额'],
  paidOn: ['发放日期', '发放时间', '资金发放日期'],
};

/** The names the national system and the schools use for each item. */
export const AID_ITEM_WORDS: Record<AidItem, readonly string[]> = {
  preschool_aid: [AID_ITEM_LABELS.preschool_aid.zh, '学前教育幼儿资助', '学前资助', '幼儿资助', '学前教育政府助学金'],
  living_allowance: [
    AID_ITEM_LABELS.living_allowance.zh,
    '生活补助',
    '义务教育生活补助',
    '家庭经济困难寄宿生生活补助',
    '寄宿生生活补助',
    '家庭经济困难学生生活补助',
  ],
  senior_grant: [AID_ITEM_LABELS.senior_grant.zh, '高中国家助学金', '普高国家助学金', '普通高中助学金'],
  senior_fee_waiver: [AID_ITEM_LABELS.senior_fee_waiver.zh, '高中免学杂费', '普高免学杂费', '免学杂费'],
  vocational_grant: [AID_ITEM_LABELS.vocational_grant.zh, '中等职业学校国家助学金', '中职助学金'],
  vocational_fee_waiver: [AID_ITEM_LABELS.vocational_fee_waiver.zh, '中等职业学校免学费', '中职学校免学费', '免学费'],
};
/** The item a roll's cell names, or null. */
export const aidItemOf = (cell: string): AidItem | null => keyOfWord(AID_ITEM_WORDS, cell);

/**
 * The semester a cell names, or null: `2022-2`, `2022年秋季学期` (秋季/秋/下学期 the autumn one, 春季/春 the spring
 * one), or a school year's term `2022-2023学年第一学期` (= 2022-2) / `第二学期` (= 2023-1).
 */
export function semesterOfText(cell: string): string | null {
  const t = compactText(cell).replace(/—|–|－|~|至/g, '-');
  if (/^20\d{2}-[12]$/.test(t)) return t;
  const season = /^(20\d{2})年?(秋季|秋|春季|春)(学期)?$/.exec(t);
  if (season) return `${season[1]}-${season[2]!.startsWith('秋') ? 2 : 1}`;
  const term = /^(20\d{2})-(20\d{2})学年(第一|第二|上|下)学期$/.exec(t);
  if (term && Number(term[2]) === Number(term[1]) + 1) return term[3] === '第一' || term[3] === '上' ? `${term[1]}-2` : `${term[2]}-1`;
  return null;
}

/** An amount cell in 元 (at most 2 decimals) → fen, for the row's schema. */
const AmountYuan = z
  .string({ message: '请填写金额' })
  .transform((v, ctx) => {
    const r = yuanToFen(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value as number;
  })
  .pipe(AidAmountFen);

/** One checked row of a roll file (item and semester already read from their words). */
export const AidRollRow = z
  .object({
    name: requiredText(40, '姓名'),
    idNumber: IdCardNumber,
    item: AidItem,
    semester: AidSemester,
    amount: AmountYuan,
    paidOn: IsoDate,
  })
  .strict();
export type AidRollRow = z.infer<typeof AidRollRow>;
