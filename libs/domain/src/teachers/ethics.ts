import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { IdCardNumber } from '../id-card.ts';
import { requiredText, textField } from '../text.ts';
import { defineWorkflow, stateLabels, stepEnum } from '../workflow/workflow.ts';

/**
 * 师德失范 cases (docs/domain/teachers.md). A breach of one of the 新时代中小学教师职业行为十项准则 is handled under the
 * 《中小学教师违反职业道德行为处理办法(2018年修订)》: a clue is verified, a case is filed and investigated, the person is told
 * of the facts and the intended handling and may state their defence (陈述申辩) or ask for a hearing (听证), then the
 * decision, its execution, and — when the person appeals — a review, before the case is closed.
 */

/** 新时代中小学教师职业行为十项准则 (教育部 2018): the clause a case is about. */
export const ETHICS_CLAUSES = [
  { no: 1, zh: '坚定政治方向', en: 'Political orientation' },
  { no: 2, zh: '自觉爱国守法', en: 'Patriotism and the law' },
  { no: 3, zh: '传播优秀文化', en: 'Passing on fine culture' },
  { no: 4, zh: '潜心教书育人', en: 'Devotion to teaching' },
  { no: 5, zh: '关心爱护学生', en: 'Care for pupils' },
  { no: 6, zh: '加强安全防范', en: 'Safety' },
  { no: 7, zh: '坚持言行雅正', en: 'Propriety' },
  { no: 8, zh: '秉持公平诚信', en: 'Fairness and honesty' },
  { no: 9, zh: '坚守廉洁自律', en: 'Integrity' },
  { no: 10, zh: '规范从教行为', en: 'Proper teaching conduct' },
] as const;
export const EthicsClause = z
  .number({ message: '请选择违反的准则条款' })
  .int({ message: '请选择违反的准则条款' })
  .min(1, { message: '准则条款应为第1至第10条' })
  .max(10, { message: '准则条款应为第1至第10条' });
/** '第五条 关心爱护学生'. */
export const clauseLabel = (no: number, lang: 'zh' | 'en' = 'zh') => {
  const c = ETHICS_CLAUSES[no - 1];
  if (!c) return '—';
  return lang === 'zh' ? `第${'一二三四五六七八九十'[no - 1]}条 ${c.zh}` : `Clause ${no}: ${c.en}`;
};

/** Where the clue came from. */
export const ClueSource = z.enum(['report', 'complaint', 'inspection', 'media', 'referral'], { message: '请选择线索来源' });
export type ClueSource = z.infer<typeof ClueSource>;
export const CLUE_SOURCE_LABELS: Record<ClueSource, { zh: string; en: string }> = {
  report: { zh: '学校报告', en: 'School report' },
  complaint: { zh: '群众举报', en: 'Complaint' },
  inspection: { zh: '督导检查', en: 'Inspection' },
  media: { zh: '舆情', en: 'Media' },
  referral: { zh: '有关部门移送', en: 'Referral' },
};

/** Those who act on a case: the school may report a clue; the county's ethics role or the city department does the rest. */
const HANDLERS = ['county', 'city'] as const;
export const ETHICS_WORKFLOW = defineWorkflow({
  key: 'teachers.ethics',
  noun: { zh: '师德失范案件', en: 'ethics case' },
  states: ['clue', 'verifying', 'filed', 'investigating', 'notified', 'decided', 'executing', 'appeal', 'closed', 'dismissed'],
  stateLabels: {
    clue: { zh: '线索', en: 'Clue' },
    verifying: { zh: '核查', en: 'Verifying' },
    filed: { zh: '立案', en: 'Filed' },
    investigating: { zh: '调查', en: 'Investigating' },
    notified: { zh: '告知', en: 'Notified' },
    decided: { zh: '决定', en: 'Decided' },
    executing: { zh: '执行', en: 'Executing' },
    appeal: { zh: '申诉复核', en: 'Appeal review' },
    closed: { zh: '结案', en: 'Closed' },
    dismissed: { zh: '不予立案', en: 'Not filed' },
  },
  initial: 'clue',
  turn: {
    clue: HANDLERS,
    verifying: HANDLERS,
    filed: HANDLERS,
    investigating: HANDLERS,
    notified: HANDLERS,
    decided: HANDLERS,
    executing: HANDLERS,
    appeal: HANDLERS,
    closed: [],
    dismissed: [],
  },
  steps: {
    verify: { label: { zh: '核查', en: 'Verify' }, from: ['clue'], to: 'verifying', by: HANDLERS },
    dismiss: {
      label: { zh: '不予立案', en: 'Do not file' },
      from: ['clue', 'verifying'],
      to: 'dismissed',
      by: HANDLERS,
      reason: true,
    },
    file: { label: { zh: '立案', en: 'File' }, from: ['verifying'], to: 'filed', by: HANDLERS },
    investigate: {
      label: { zh: '开始调查', en: 'Investigate' },
      from: ['filed'],
      to: 'investigating',
      by: HANDLERS,
    },
    notify: {
      label: { zh: '告知', en: 'Notify' },
      from: ['investigating'],
      to: 'notified',
      by: HANDLERS,
      needs: [{ field: 'findings', message: '请先填写调查认定的事实' }],
      fills: ['notifiedOn'],
    },
    decide: {
      label: { zh: '作出决定', en: 'Decide' },
      from: ['notified'],
      to: 'decided',
      by: HANDLERS,
    },
    execute: { label: { zh: '执行', en: 'Execute' }, from: ['decided'], to: 'executing', by: HANDLERS },
    appeal: {
      label: { zh: '受理申诉', en: 'Accept appeal' },
      from: ['decided', 'executing'],
      to: 'appeal',
      by: HANDLERS,
      reason: true,
    },
    review: { label: { zh: '复核决定', en: 'Decide appeal' }, from: ['appeal'], to: 'decided', by: HANDLERS, reason: true },
    close: { label: { zh: '结案', en: 'Close' }, from: ['executing'], to: 'closed', by: HANDLERS },
  },
});
export const EthicsStatus = z.enum(ETHICS_WORKFLOW.states);
export type EthicsStatus = z.infer<typeof EthicsStatus>;
export const ETHICS_STATUS_LABELS = stateLabels(ETHICS_WORKFLOW, 'zh');
export const EthicsAction = stepEnum(ETHICS_WORKFLOW);
export type EthicsAction = z.infer<typeof EthicsAction>;
/** The steps without inputs of their own (`teachers.ethics.step`); 告知, 作出决定 and 复核决定 have their own procedures. */
export const EthicsPlainAction = stepEnum(ETHICS_WORKFLOW, ['notify', 'decide', 'review']);
/** The record as its workflow sees it. */
export const ethicsCase = (r: { status: EthicsStatus; findings: string | null }) => ({
  state: r.status,
  fields: { findings: r.findings },
});

/**
 * A clue (线索) about a person: who (a member of the school's staff, or a name and ID number — a person not, or no
 * longer, on the registry), at which school, which clause, where it came from and what it says.
 */
export const EthicsReport = z
  .object({
    staffId: RecordId.optional(),
    idNumber: IdCardNumber.optional(),
    name: requiredText(20, '姓名').optional(),
    schoolId: SchoolRef,
    clause: EthicsClause,
    clueSource: ClueSource,
    clue: requiredText(2000, '线索内容', 10),
  })
  .strict();
export type EthicsReport = z.infer<typeof EthicsReport>;
/** Who a clue is about: a staff member, or else both the name and the ID number (not both ways at once). */
export function reportPersonRefusal(r: Pick<EthicsReport, 'staffId' | 'idNumber' | 'name'>): { field: string; message: string } | null {
  if (r.staffId !== undefined)
    return r.idNumber || r.name ? { field: 'staffId', message: '选择了在岗人员的，不再填写姓名和身份证号' } : null;
  if (!r.name) return { field: 'name', message: '请选择在岗人员，或填写姓名和身份证号' };
  if (!r.idNumber) return { field: 'idNumber', message: '请填写身份证号' };
  return null;
}
/** 调查: the facts found (may be saved while investigating, and is needed to notify). */
export const EthicsFindings = z
  .object({ id: RecordId, expectedVersion: RecordVersion, findings: requiredText(4000, '调查认定的事实', 10) })
  .strict();
/** 告知: the day the person was told of the facts and the intended handling. */
export const EthicsNotice = z.object({ id: RecordId, expectedVersion: RecordVersion, notifiedOn: IsoDate }).strict();
/** 陈述申辩 / 听证: what the person said, and whether a hearing was held. */
export const EthicsDefence = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    defence: textField(4000, '陈述申辩情况'),
    hearing: z.boolean({ message: '请选择是否举行听证' }),
  })
  .strict();

/** A case is 办结 once it is closed or not filed (the 结案率 KPI's numerator). */
export const ETHICS_DONE_STATES: readonly EthicsStatus[] = ['closed', 'dismissed'];

/**
 * The handling (处理办法 2018): 处分 — 警告 6 months, 记过 12, 降低岗位等级或撤职 24, 开除 — or 其他处理 (批评教育, 诫勉谈话, 责令检查,
 * 通报批评). A teacher of a private school cannot receive a 处分, only 其他处理 (`handlingRefusal`).
 */
export const Handling = z.enum(['warning', 'demerit', 'demotion', 'expulsion', 'criticism', 'admonition', 'self_review', 'circular'], {
  message: '请选择处理方式',
});
export type Handling = z.infer<typeof Handling>;
export const HANDLING_LABELS: Record<Handling, { zh: string; en: string }> = {
  warning: { zh: '警告', en: 'Warning' },
  demerit: { zh: '记过', en: 'Demerit' },
  demotion: { zh: '降低岗位等级或撤职', en: 'Demotion or removal from post' },
  expulsion: { zh: '开除', en: 'Expulsion' },
  criticism: { zh: '批评教育', en: 'Criticism' },
  admonition: { zh: '诫勉谈话', en: 'Admonition' },
  self_review: { zh: '责令检查', en: 'Written self-review' },
  circular: { zh: '通报批评', en: 'Public criticism' },
};
/** The 处分 and their periods in months (开除 has none: it ends the employment). */
export const SANCTION_MONTHS: Partial<Record<Handling, number>> = { warning: 6, demerit: 12, demotion: 24 };
export const SANCTIONS: readonly Handling[] = ['warning', 'demerit', 'demotion', 'expulsion'];
export const isSanction = (h: Handling) => SANCTIONS.includes(h);

/** `date` plus `months` calendar months (the day clamped to the month's end: 08-31 + 6 months = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day a 处分 with a period ends (its start plus 6/12/24 months), or null for 开除 and other handling. */
export function sanctionEnds(handling: Handling, startsOn: string): string | null {
  const months = SANCTION_MONTHS[handling];
  return months === undefined ? null : addMonths(startsOn, months);
}

/** What happens to the 教师资格 (《教师资格条例》): 撤销 bars a new application for 5 years, 丧失 for ever. */
export const CertificateAction = z.enum(['none', 'revoked', 'lost'], { message: '请选择教师资格处理' });
export type CertificateAction = z.infer<typeof CertificateAction>;
export const CERTIFICATE_ACTION_LABELS: Record<CertificateAction, { zh: string; en: string }> = {
  none: { zh: '不涉及', en: 'None' },
  revoked: { zh: '撤销教师资格', en: 'Certificate revoked' },
  lost: { zh: '丧失教师资格', en: 'Certificate lost' },
};
export const REVOCATION_BAR_YEARS = 5;
/** Until when the person may not apply again for a 教师资格: null for no bar, 'permanent' for a loss. */
export function certificateBar(action: CertificateAction, decidedOn: string): string | 'permanent' | null {
  if (action === 'lost') return 'permanent';
  if (action === 'revoked') return addMonths(decidedOn, REVOCATION_BAR_YEARS * 12);
  return null;
}

/** 决定: the handling, when it counts from, the certificate, and whether (and until when) the person goes on the 黑名单. */
export const EthicsDecision = z
  .object({
    handling: Handling,
    effectiveOn: IsoDate,
    certificate: CertificateAction,
    blacklist: z.boolean({ message: '请选择是否列入黑名单' }),
    /** The blacklist's end; absent on a blacklisted person: permanent. */
    blacklistUntil: IsoDate.optional(),
    text: textField(2000, '处理决定').pipe(z.string().min(10, { message: '处理决定至少写10个字' })),
  })
  .strict();
export type EthicsDecision = z.infer<typeof EthicsDecision>;
export const EthicsDecisionInput = EthicsDecision.extend({ id: RecordId, expectedVersion: RecordVersion }).strict();

/**
 * Why a decision cannot stand, on its field, or null: a private-school teacher receives no 处分; a decision that
 * revokes or removes the certificate, or expels, puts the person on the 黑名单 (the seed: 师风污点 教师纳入“黑名单”), for
 * at least as long as the certificate's bar; the end lies after the decision.
 */
export function decisionRefusal(d: EthicsDecision, ctx: { privateSchool: boolean }): { field: string; message: string } | null {
  if (ctx.privateSchool && isSanction(d.handling))
    return { field: 'handling', message: '民办学校教师不适用处分，请选择批评教育、诫勉谈话、责令检查或通报批评' };
  const bar = certificateBar(d.certificate, d.effectiveOn);
  const mustList = bar !== null || d.handling === 'expulsion';
  if (mustList && !d.blacklist) return { field: 'blacklist', message: '开除或撤销、丧失教师资格的，应列入黑名单' };
  if (!d.blacklist && d.blacklistUntil) return { field: 'blacklistUntil', message: '未列入黑名单的，不填写黑名单期限' };
  if (d.blacklist && d.blacklistUntil) {
    if (d.blacklistUntil <= d.effectiveOn) return { field: 'blacklistUntil', message: '黑名单期限应晚于决定生效日期' };
    if (bar === 'permanent') return { field: 'blacklistUntil', message: '丧失教师资格的，永久列入黑名单，不填写期限' };
    if (bar && d.blacklistUntil < bar)
      return { field: 'blacklistUntil', message: `撤销教师资格的，黑名单期限不得早于${bar}（5年内不得重新申请）` };
  }
  return null;
}

/** The 黑名单 entry a decision makes (null when it makes none): from the decision's date, until its end or for ever. */
export function blacklistEntry(d: Pick<EthicsDecision, 'blacklist' | 'blacklistUntil' | 'effectiveOn'>) {
  if (!d.blacklist) return null;
  return { from: d.effectiveOn, until: d.blacklistUntil ?? null };
}
/** Whether a 黑名单 entry stands on `date`. */
export const blacklistedOn = (e: { from: string; until: string | null; liftedOn?: string | null }, date: string) =>
  e.from <= date && (e.until === null || date < e.until) && !(e.liftedOn && e.liftedOn <= date);

/** A 黑名单 entry as the rules below read it. */
export interface Listing {
  from: string;
  until: string | null;
  liftedOn: string | null;
}

/**
 * 复核决定 (申诉复核): the decision is upheld (维持原决定) or changed (变更决定: a new handling, period, certificate action
 * and 黑名单, checked like a first decision). Either way the review's reasons are recorded.
 */
export const ReviewOutcome = z.enum(['upheld', 'changed'], { message: '请选择复核结论' });
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, { zh: string; en: string }> = {
  upheld: { zh: '维持原决定', en: 'Decision upheld' },
  changed: { zh: '变更决定', en: 'Decision changed' },
};
/** The review's input: flat, the new decision's fields given only when it changes the decision. */
export const EthicsReview = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    outcome: ReviewOutcome,
    reason: requiredText(1000, '复核理由', 2),
    handling: Handling.optional(),
    effectiveOn: IsoDate.optional(),
    certificate: CertificateAction.optional(),
    blacklist: z.boolean({ message: '请选择是否列入黑名单' }).optional(),
    blacklistUntil: IsoDate.optional(),
    text: textField(2000, '处理决定')
      .pipe(z.string().min(10, { message: '处理决定至少写10个字' }))
      .optional(),
  })
  .strict();
export type EthicsReview = z.infer<typeof EthicsReview>;

/**
 * The decision a review leaves standing, or the refusal on its field: an upheld decision carries no new fields; a
 * changed one needs them all and obeys `decisionRefusal` (a private-school teacher receives no 处分; 开除, 撤销 and 丧失
 * blacklist …); it must differ from the decision under review.
 */
export function reviewedDecision(
  r: Omit<EthicsReview, 'id' | 'expectedVersion' | 'reason'>,
  ctx: {
    privateSchool: boolean;
    /** The decision under review (its 黑名单 as it stands: lifted counts as none). */
    current: {
      handling: Handling | null;
      effectiveOn: string | null;
      certificate: CertificateAction | null;
      blacklist: boolean;
      blacklistUntil?: string | null;
    };
  },
): { ok: true; decision: EthicsDecision | null } | { ok: false; field: string; message: string } {
  const fields = ['handling', 'effectiveOn', 'certificate', 'blacklist', 'blacklistUntil', 'text'] as const;
  if (r.outcome === 'upheld') {
    const given = fields.find((f) => r[f] !== undefined);
    return given ? { ok: false, field: given, message: '维持原决定的，不填写新的处理内容' } : { ok: true, decision: null };
  }
  const missing: Record<string, string> = {
    handling: '请选择处理方式',
    effectiveOn: '请填写决定生效日期',
    certificate: '请选择教师资格处理',
    blacklist: '请选择是否列入黑名单',
    text: '请填写变更后的处理决定',
  };
  for (const f of ['handling', 'effectiveOn', 'certificate', 'blacklist', 'text'] as const)
    if (r[f] === undefined) return { ok: false, field: f, message: missing[f]! };
  const decision: EthicsDecision = {
    handling: r.handling!,
    effectiveOn: r.effectiveOn!,
    certificate: r.certificate!,
    blacklist: r.blacklist!,
    ...(r.blacklistUntil ? { blacklistUntil: r.blacklistUntil } : {}),
    text: r.text!,
  };
  const refusal = decisionRefusal(decision, { privateSchool: ctx.privateSchool });
  if (refusal) return { ok: false, ...refusal };
  const c = ctx.current;
  if (
    c.handling === decision.handling &&
    c.effectiveOn === decision.effectiveOn &&
    c.certificate === decision.certificate &&
    c.blacklist === decision.blacklist &&
    (c.blacklistUntil ?? null) === (decision.blacklistUntil ?? null)
  )
    return { ok: false, field: 'outcome', message: '处理内容与原决定相同，请选择维持原决定' };
  return { ok: true, decision };
}

/**
 * What a review does to the case's 黑名单 entry: nothing when the decision is upheld; when changed, the entry takes the
 * new decision's dates (made if there was none, restored if it had been lifted), or — when the new decision lists no
 * longer — it is lifted on the day of the review (the entry stood until then: it is kept, not deleted).
 */
export function listingAfterReview(
  entry: Listing | null,
  decision: EthicsDecision | null,
  today: string,
): { kind: 'keep' } | { kind: 'set'; from: string; until: string | null } | { kind: 'lift'; on: string } {
  if (!decision) return { kind: 'keep' };
  const next = blacklistEntry(decision);
  if (next) return { kind: 'set', ...next };
  if (entry && !entry.liftedOn) return { kind: 'lift', on: today };
  return { kind: 'keep' };
}

/** Only the city department lifts a 黑名单 entry (局定): a county's ethics role decides cases, not the city-wide list. */
export const LIFT_LEVEL = 'city' as const;
/** Lifting: a reason (at least 2 characters), recorded and audited. */
export const EthicsLift = z.object({ id: RecordId, expectedVersion: RecordVersion, reason: requiredText(1000, '解除理由', 2) }).strict();

/**
 * Why a 黑名单 entry cannot be lifted today, or null. Never for 丧失教师资格 (permanent); not before the 5-year bar of a
 * 撤销; not while an appeal is under review (the review decides); not once lifted or run out (it no longer stands).
 * Otherwise — 开除 without a certificate action, or a listing the decision chose — the city department may lift it
 * early, or on a permanent entry at any time, with its reasons.
 */
export function liftRefusal(
  entry: Listing,
  c: { certificate: CertificateAction | null; effectiveOn: string | null; status: EthicsStatus },
  today: string,
): string | null {
  if (entry.liftedOn) return `该黑名单记录已于${entry.liftedOn}解除`;
  if (entry.until !== null && entry.until <= today) return `黑名单期限已于${entry.until}届满，无需解除`;
  if (c.certificate === 'lost') return '丧失教师资格的，永久列入黑名单，不得解除';
  if (c.status === 'appeal') return '申诉复核期间不得解除，由复核决定处理';
  const bar = c.certificate && c.effectiveOn ? certificateBar(c.certificate, c.effectiveOn) : null;
  if (bar && bar !== 'permanent' && today < bar) return `撤销教师资格的，${bar}前不得解除（5年内不得重新申请）`;
  return null;
}

/** How an entry stands on a day: 在期 (in force), 已解除 (lifted), 已届满 (run out), 未生效 (not yet in force). */
export const BlacklistStanding = z.enum(['active', 'lifted', 'expired', 'pending'], { message: '请选择黑名单状态' });
export type BlacklistStanding = z.infer<typeof BlacklistStanding>;
export const BLACKLIST_STANDING_LABELS: Record<BlacklistStanding, { zh: string; en: string }> = {
  active: { zh: '在期', en: 'In force' },
  lifted: { zh: '已解除', en: 'Lifted' },
  expired: { zh: '已届满', en: 'Run out' },
  pending: { zh: '未生效', en: 'Not yet in force' },
};
export function blacklistStanding(e: Listing, date: string): BlacklistStanding {
  if (e.liftedOn && e.liftedOn <= date) return 'lifted';
  if (e.until !== null && e.until <= date) return 'expired';
  if (e.from > date) return 'pending';
  return 'active';
}
