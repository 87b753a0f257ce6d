import { z } from 'zod';
import { RecordId, RecordVersion } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { textField } from '../text.ts';
import { stepEnum } from '../workflow/workflow.ts';
import { AID_FOLLOW_UP_WORKFLOW } from './aid-workflow.ts';

export { AID_FOLLOW_UP_WORKFLOW } from './aid-workflow.ts';

/**
 * 精准资助 (第11项 “确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助”; docs/domain/funding.md, *Student aid
 * as built*). The national student-aid system is authoritative; the city's work is matching the poverty-alleviation,
 * 低保, 特困 and disability lists' children against their 学籍 records and the aid roll, and following up 应助未助 until
 * aided. Money is integer fen.
 */

/** The difficulty categories (post-2021: 脱贫家庭 (原建档立卡), 监测对象, 低保, 特困供养, 孤儿, 残疾). */
export const AidCategory = z.enum(['tuopin', 'jiance', 'dibao', 'tekun', 'orphan', 'disabled'], { message: '请选择困难类别' });
export type AidCategory = z.infer<typeof AidCategory>;
export const AID_CATEGORY_LABELS: Record<AidCategory, { zh: string; en: string }> = {
  tuopin: { zh: '脱贫家庭', en: 'Formerly registered poor household' },
  jiance: { zh: '监测对象', en: 'Monitored household' },
  dibao: { zh: '低保', en: 'Minimum living allowance' },
  tekun: { zh: '特困供养', en: 'Extreme-poverty support' },
  orphan: { zh: '孤儿', en: 'Orphan' },
  disabled: { zh: '残疾', en: 'Disability' },
};

/**
 * The lists the city receives (each from its own system) and the categories a row of each may carry: the
 * poverty-alleviation list (脱贫户 and 监测对象), 民政's 低保 and 特困 lists (孤儿 with 特困), 残联's disability list.
 */
export const AidListKind = z.enum(['poverty', 'dibao', 'tekun', 'disability'], { message: '请选择名单类型' });
export type AidListKind = z.infer<typeof AidListKind>;
export const AID_LIST_LABELS: Record<AidListKind, { zh: string; en: string }> = {
  poverty: { zh: '脱贫户/监测对象名单', en: 'Poverty-alleviation list' },
  dibao: { zh: '低保名单', en: 'Minimum living allowance list' },
  tekun: { zh: '特困供养名单', en: 'Extreme-poverty support list' },
  disability: { zh: '残疾学生名单', en: 'Disability list' },
};
export const LIST_CATEGORIES: Record<AidListKind, readonly AidCategory[]> = {
  poverty: ['tuopin', 'jiance'],
  dibao: ['dibao'],
  tekun: ['tekun', 'orphan'],
  disability: ['disabled'],
};

/** The stage a student is at (from the 学籍 record). 义务教育 = 小学 + 初中. */
export const AidStage = z.enum(['preschool', 'primary', 'junior', 'senior', 'vocational'], { message: '请选择学段' });
export type AidStage = z.infer<typeof AidStage>;
export const AID_STAGE_LABELS: Record<AidStage, { zh: string; en: string }> = {
  preschool: { zh: '学前', en: 'Pre-school' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '普通高中', en: 'Senior secondary' },
  vocational: { zh: '中职', en: 'Vocational' },
};
export const COMPULSORY_STAGES: readonly AidStage[] = ['primary', 'junior'];

/**
 * The targeted aid items per stage. Universal items (义务教育免学杂费, 免费教科书) are not targeted aid and are not
 * items here; 生源地信用助学贷款 is for university students and stays out.
 */
export const AidItem = z.enum(
  ['preschool_aid', 'living_allowance', 'senior_grant', 'senior_fee_waiver', 'vocational_grant', 'vocational_fee_waiver'],
  {
    message: '请选择资助项目',
  },
);
export type AidItem = z.infer<typeof AidItem>;
export const AID_ITEM_LABELS: Record<AidItem, { zh: string; en: string }> = {
  preschool_aid: { zh: '学前教育资助', en: 'Pre-school aid' },
  living_allowance: { zh: '义务教育家庭经济困难学生生活补助', en: 'Compulsory-education living allowance' },
  senior_grant: { zh: '普通高中国家助学金', en: 'Senior secondary national grant' },
  senior_fee_waiver: { zh: '普通高中免学杂费', en: 'Senior secondary fee waiver' },
  vocational_grant: { zh: '中职国家助学金', en: 'Vocational national grant' },
  vocational_fee_waiver: { zh: '中职免学费', en: 'Vocational tuition waiver' },
};
export const STAGE_ITEMS: Record<AidStage, readonly AidItem[]> = {
  preschool: ['preschool_aid'],
  primary: ['living_allowance'],
  junior: ['living_allowance'],
  senior: ['senior_grant', 'senior_fee_waiver'],
  vocational: ['vocational_grant', 'vocational_fee_waiver'],
};
/** Whether an item is aid of a stage (a payment of another stage's item is refused). */
export const itemFitsStage = (item: AidItem, stage: AidStage) => STAGE_ITEMS[stage].includes(item);

/**
 * Amounts per year in fen, per item and boarding or not (configuration). 义务教育生活补助: the 2019 standard of the domain
 * reference (陕西日报 2019-10-31) — boarding 小学 1,000 元, 初中 1,250 元 a year, non-boarding half; the other items'
 * Hunan amounts are **not verified** (open point 5) and are the bureau's to set.
 */
export const AidAmount = z
  .object({ boarding: z.number().int().min(0).max(10_000_000), day: z.number().int().min(0).max(10_000_000) })
  .strict();
export type AidAmount = z.infer<typeof AidAmount>;
export type AidAmounts = Record<AidItem, Partial<Record<AidStage, AidAmount>>>;
export const DEFAULT_AID_AMOUNTS: AidAmounts = {
  preschool_aid: { preschool: { boarding: 100_000, day: 100_000 } },
  living_allowance: { primary: { boarding: 100_000, day: 50_000 }, junior: { boarding: 125_000, day: 62_500 } },
  senior_grant: { senior: { boarding: 200_000, day: 200_000 } },
  senior_fee_waiver: { senior: { boarding: 80_000, day: 80_000 } },
  vocational_grant: { vocational: { boarding: 200_000, day: 200_000 } },
  vocational_fee_waiver: { vocational: { boarding: 200_000, day: 200_000 } },
};

/** A semester's standard amount: half the year's (a semester pays half), in fen. */
export function semesterAmount(amounts: AidAmounts, item: AidItem, stage: AidStage, boarding: boolean): number | null {
  const a = amounts[item][stage];
  if (!a) return null;
  return Math.floor((boarding ? a.boarding : a.day) / 2);
}

/** A semester: `YYYY-1` the spring semester (March–August), `YYYY-2` the autumn one (September–next February). */
export const AidSemester = z
  .string({ message: '请选择学期' })
  .regex(/^(20\d{2})-[12]$/, { message: '学期格式应为“2022-2”（1为春季，2为秋季）' });
export type AidSemester = z.infer<typeof AidSemester>;
export function semesterOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 3 && month <= 8) return `${year}-1`;
  return month >= 9 ? `${year}-2` : `${year - 1}-2`;
}
export const semesterLabel = (s: string, locale: 'zh' | 'en' = 'zh') =>
  locale === 'zh'
    ? `${s.slice(0, 4)}年${s.endsWith('1') ? '春季' : '秋季'}学期`
    : `${s.endsWith('1') ? 'Spring' : 'Autumn'} ${s.slice(0, 4)}`;
/** The semester before one (2022-1 → 2021-2). */
export const previousSemester = (s: string) => (s.endsWith('2') ? `${s.slice(0, 4)}-1` : `${Number(s.slice(0, 4)) - 1}-2`);

/**
 * The 100% target's scope (configuration): the stages (default 义务教育) and the categories counted as 原建档立卡 and
 * the similar groups (default all six).
 */
export const AidTargetScope = z
  .object({
    categories: z.array(AidCategory).min(1, { message: '至少选择一个困难类别' }).max(6),
    stages: z.array(AidStage).min(1, { message: '至少选择一个学段' }).max(5),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.categories).size !== v.categories.length)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: '困难类别不能重复' });
    if (new Set(v.stages).size !== v.stages.length) ctx.addIssue({ code: 'custom', path: ['stages'], message: '学段不能重复' });
  });
export type AidTargetScope = z.infer<typeof AidTargetScope>;
export const DEFAULT_AID_TARGET: AidTargetScope = { categories: [...AidCategory.options], stages: [...COMPULSORY_STAGES] };

/** Whether a matched student counts towards the 100% target: their stage and any of their categories are in the scope. */
export function inTargetScope(stage: AidStage, categories: readonly AidCategory[], scope: AidTargetScope): boolean {
  return scope.stages.includes(stage) && categories.some((c) => scope.categories.includes(c));
}

/** What matching finds for one listed child. */
export const MatchOutcome = z.enum(['aided', 'unaided', 'unmatched'], { message: '请选择比对结果' });
export type MatchOutcome = z.infer<typeof MatchOutcome>;
export const MATCH_OUTCOME_LABELS: Record<MatchOutcome, { zh: string; en: string }> = {
  aided: { zh: '已资助', en: 'Aided' },
  unaided: { zh: '应助未助', en: 'Eligible, not aided' },
  unmatched: { zh: '未匹配学籍', en: 'No school record' },
};

/**
 * Matching one listed child (the rule; the run is its set-based SQL form, tested against it): without a 学籍 record it
 * is unmatched; with one it is aided when the aid roll has any targeted item of the student's stage for the semester
 * (a regular payment or a 补发), else 应助未助. `inTarget`: counted by the coverage KPI.
 */
export function matchOutcome(
  facts: { enrolled: { stage: AidStage } | null; categories: readonly AidCategory[]; paidItems: readonly AidItem[] },
  scope: AidTargetScope,
): { outcome: MatchOutcome; inTarget: boolean } {
  if (!facts.enrolled) return { outcome: 'unmatched', inTarget: false };
  const stage = facts.enrolled.stage;
  const aided = facts.paidItems.some((i) => itemFitsStage(i, stage));
  return { outcome: aided ? 'aided' : 'unaided', inTarget: inTargetScope(stage, facts.categories, scope) };
}

/** Coverage = eligible students aided ÷ eligible students (null with none: no data, never 0%). */
export const aidCoverage = (aided: number, eligible: number): number | null => (eligible === 0 ? null : aided / eligible);

/** Masks a name for callers without the aid role: 张*明, 王*, 欧**华. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
/** Masks an ID number: the first 6 and the last 4 characters, e.g. 430422********1234. */
export function maskIdNumber(n: string): string {
  const s = n.trim().toUpperCase();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Payment kinds: the semester's regular payment (once per student, item and semester) and an explicit 补发 with its reason. */
export const AidPaymentKind = z.enum(['regular', 'reissue']);
export type AidPaymentKind = z.infer<typeof AidPaymentKind>;
export const AID_PAYMENT_KIND_LABELS: Record<AidPaymentKind, { zh: string; en: string }> = {
  regular: { zh: '正常发放', en: 'Regular' },
  reissue: { zh: '补发', en: 'Supplementary' },
};
/** The key a regular payment is unique on: a retried request or import never pays twice. */
export const paymentKey = (student: string, item: AidItem, semester: string) => `${student}|${item}|${semester}`;

/** A payment amount in fen: more than 0, at most 10万元. */
export const AidAmountFen = z
  .number({ message: '请填写发放金额' })
  .int({ message: '发放金额应以分计的整数' })
  .min(1, { message: '发放金额应大于0' })
  .max(10_000_000, { message: '发放金额不能超过10万元' });

/** A regular payment (发放) recorded for a student of the 学籍 extract. */
export const AidPaymentInput = z
  .object({
    studentId: RecordId,
    item: AidItem,
    semester: AidSemester,
    amount: AidAmountFen,
    paidOn: IsoDate,
  })
  .strict();
export type AidPaymentInput = z.infer<typeof AidPaymentInput>;

/** A 补发: a reason, and the client's request key so that a retried request pays once. */
export const AidReissueInput = AidPaymentInput.extend({
  reason: textField(200, '补发原因').pipe(z.string().min(2, { message: '补发原因至少写2个字' })),
  requestKey: z.string({ message: '缺少请求标识' }).regex(/^[A-Za-z0-9-]{8,64}$/, { message: '请求标识格式无效' }),
}).strict();
export type AidReissueInput = z.infer<typeof AidReissueInput>;

/**
 * Why a payment may not be recorded (Chinese, on its field), or null: the item must be aid of the student's stage;
 * a regular payment at most the semester's standard; not paid in the future nor before the semester began.
 */
export function paymentRefusal(
  p: { item: AidItem; semester: string; amount: number; paidOn: string; kind: AidPaymentKind },
  student: { stage: AidStage; boarding: boolean },
  amounts: AidAmounts,
  today: string,
): { field: string; message: string } | null {
  if (!itemFitsStage(p.item, student.stage))
    return { field: 'item', message: `${AID_ITEM_LABELS[p.item].zh}不是${AID_STAGE_LABELS[student.stage].zh}学生的资助项目` };
  const standard = semesterAmount(amounts, p.item, student.stage, student.boarding);
  if (p.kind === 'regular' && standard !== null && p.amount > standard)
    return { field: 'amount', message: `金额超过本学期标准${(standard / 100).toFixed(2)}元` };
  const when = paidOnRefusal(p.semester, p.paidOn, today);
  return when ? { field: 'paidOn', message: when } : null;
}

/** Why a payment date does not fit its semester (Chinese), or null: not in the future, not before the semester began. */
export function paidOnRefusal(semester: string, paidOn: string, today: string): string | null {
  if (paidOn > today) return '发放日期不能晚于今天';
  const start = semester.endsWith('1') ? `${semester.slice(0, 4)}-03-01` : `${semester.slice(0, 4)}-09-01`;
  if (paidOn < start) return '发放日期不能早于该学期开始';
  return null;
}

/** A follow-up step by hand (资助到位 is taken only by recording the payment). */
export const AidFollowUpStep = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    action: stepEnum(AID_FOLLOW_UP_WORKFLOW, ['settle']),
    reason: textField(200, '原因').optional(),
  })
  .strict();
export const AidFollowUpStatus = z.enum(AID_FOLLOW_UP_WORKFLOW.states, { message: '请选择跟进状态' });
export type AidFollowUpStatus = z.infer<typeof AidFollowUpStatus>;
/** The follow-ups still open: 应助未助 until aided (or closed with a reason). */
export const OPEN_FOLLOW_UP: readonly AidFollowUpStatus[] = ['open', 'recognised'];
