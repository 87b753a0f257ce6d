import { z } from 'zod';
import { MAX_LIST_ENTRIES, RecordId, RecordVersion } from '../bounds.ts';
import { daysBetween, IsoDate } from '../date.ts';
import { DivisionCode } from '../org.ts';
import { requiredText, textField } from '../text.ts';
import { Uscc } from '../uscc.ts';
import { stateLabels, stepEnum, type ActorLevel } from '../workflow/workflow.ts';
import { ENFORCEMENT_WORKFLOW, OPEN } from './enforcement-workflow.ts';

/**
 * 校外培训执法案件 under 双减 (docs/domain/private-education.md, “双减 and off-campus training”): a case against an
 * off-campus training operator — often an unlicensed one that is in no register, so the case names its subject by
 * name, address and 统一社会信用代码 — runs 线索 → 核查 → 立案 → 调查取证 → 告知（陈述申辩/听证）→ 决定 → 执行 → 结案,
 * or ends at 不予立案. Each case belongs to a county (its unit) and is handled by the county; the city may take it up
 * (提级: then the city acts) or hand it back, and registers the cases it receives for a county to handle (交办).
 */

/** What the operator did (domain.md §1.2). */
export const ViolationType = z.enum(['unlicensed', 'ahead_of_standard', 'off_time', 'covert', 'prepayment'], {
  message: '请选择违法类型',
});
export type ViolationType = z.infer<typeof ViolationType>;
export const VIOLATION_LABELS: Record<ViolationType, { zh: string; en: string }> = {
  unlicensed: { zh: '无证办学', en: 'Operating without a licence' },
  ahead_of_standard: { zh: '超标超前培训', en: 'Training beyond the syllabus or ahead of it' },
  off_time: { zh: '节假日违规开展学科类培训', en: 'Academic training on holidays, rest days or in the vacations' },
  covert: { zh: '隐形变异培训', en: 'Covert training' },
  prepayment: { zh: '超期预收费', en: 'Prepayment beyond the limit' },
};

/** The covert forms a case of 隐形变异培训 names (domain.md §1.2). */
export const CovertForm = z.enum(['one_to_one', 'live_in_tutor', 'housekeeping', 'crowdfunded', 'daycare', 'study_room', 'study_tour'], {
  message: '请选择隐形变异形式',
});
export type CovertForm = z.infer<typeof CovertForm>;
export const COVERT_FORM_LABELS: Record<CovertForm, { zh: string; en: string }> = {
  one_to_one: { zh: '一对一', en: 'One-to-one' },
  live_in_tutor: { zh: '住家教师', en: 'Live-in tutor' },
  housekeeping: { zh: '高端家政', en: '“Premium housekeeping”' },
  crowdfunded: { zh: '众筹私教', en: 'Crowdfunded private tutoring' },
  daycare: { zh: '托管名义', en: 'Under the name of day care' },
  study_room: { zh: '自习室名义', en: 'Under the name of a study room' },
  study_tour: { zh: '研学名义', en: 'Under the name of a study tour' },
};

/** Where the 线索 came from. */
export const CaseSource = z.enum(['report', 'patrol', 'grid', 'platform'], { message: '请选择线索来源' });
export type CaseSource = z.infer<typeof CaseSource>;
export const SOURCE_LABELS: Record<CaseSource, { zh: string; en: string }> = {
  report: { zh: '群众举报', en: 'Public report' },
  patrol: { zh: '日常巡查', en: 'Patrol' },
  grid: { zh: '网格排查', en: 'Grid inspection' },
  platform: { zh: '平台监测', en: 'Platform monitoring' },
};

/** The decisions of 《校外培训行政处罚暂行办法》 (written down as the later national list). */
export const DecisionType = z.enum(
  ['warning', 'fine', 'confiscation', 'stop_enrolment', 'stop_operation', 'revoke_licence', 'restrict_practice'],
  { message: '请选择处罚种类' },
);
export type DecisionType = z.infer<typeof DecisionType>;
export const DECISION_LABELS: Record<DecisionType, { zh: string; en: string }> = {
  warning: { zh: '警告、通报批评', en: 'Warning or public criticism' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收违法所得', en: 'Confiscation of illegal gains' },
  stop_enrolment: { zh: '责令停止招收学员', en: 'Ordered to stop enrolling' },
  stop_operation: { zh: '责令停止举办', en: 'Ordered to stop operating' },
  revoke_licence: { zh: '吊销许可证件', en: 'Licence revoked' },
  restrict_practice: { zh: '限制从业', en: 'Barred from the trade' },
};

/** Who handles a case now: its county, or the city once it took it up (提级). */
export const HandlerLevel = z.enum(['county', 'city'], { message: '请选择办理层级' });
export type HandlerLevel = z.infer<typeof HandlerLevel>;
export const HANDLER_LABELS: Record<HandlerLevel, { zh: string; en: string }> = {
  county: { zh: '县市区办理', en: 'County' },
  city: { zh: '市级提级办理', en: 'City (taken up)' },
};

export { ENFORCEMENT_WORKFLOW } from './enforcement-workflow.ts';
export const EnforcementStatus = z.enum(ENFORCEMENT_WORKFLOW.states, { message: '请选择案件状态' });
export type EnforcementStatus = z.infer<typeof EnforcementStatus>;
export const ENFORCEMENT_STATUS_LABELS = stateLabels(ENFORCEMENT_WORKFLOW, 'zh');
export const EnforcementAction = stepEnum(ENFORCEMENT_WORKFLOW);
export type EnforcementAction = z.infer<typeof EnforcementAction>;
export const ENFORCEMENT_OPEN_STATES: readonly EnforcementStatus[] = OPEN;
/** A case counts as 立案 once it has passed 立案 (it is in one of these states). */
export const ENFORCEMENT_FILED_STATES: readonly EnforcementStatus[] = ['investigating', 'notified', 'decided', 'executed', 'closed'];

/** The refusal for a bureau level that is not the case's handler (the city acts only on cases it took up), or null. */
export function handlerRefusal(actor: ActorLevel, handler: HandlerLevel): string | null {
  if (actor === handler) return null;
  if (actor === 'city') return '该案件由县市区教育局办理，市教育局可先提级办理';
  if (actor === 'county') return '该案件已由市教育局提级办理';
  return '执法案件由教育行政部门办理';
}

/** The record as its workflow sees it. */
export const enforcementCase = (r: {
  status: EnforcementStatus;
  handlerLevel: HandlerLevel;
  penalties: readonly string[] | null;
  decidedOn: string | null;
  executionResult: string | null;
}) => ({
  state: r.status,
  fields: {
    decision: r.decidedOn && r.penalties?.length ? true : null,
    executionResult: r.executionResult,
    countyHandles: r.handlerLevel === 'county' ? true : null,
    cityHandles: r.handlerLevel === 'city' ? true : null,
  },
});

/**
 * The stage deadlines, one table: while a case is in `states`, it is due `days` calendar days after its `from` date.
 * These are the bureau's own working deadlines (configuration, defaults chosen by the 民办教育科; no legal source).
 */
export interface StageDeadline {
  stage: string;
  states: readonly EnforcementStatus[];
  from: 'clueOn' | 'filedOn';
  days: number;
}
export const DEFAULT_ENFORCEMENT_DEADLINES: readonly StageDeadline[] = [
  { stage: '核查', states: ['clue'], from: 'clueOn', days: 7 },
  { stage: '立案决定', states: ['verifying'], from: 'clueOn', days: 15 },
  { stage: '结案', states: ['investigating', 'notified', 'decided', 'executed'], from: 'filedOn', days: 90 },
];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The day the case's current stage is due, or null (an end state, or its start date is missing). */
export function enforcementDue(
  r: { status: EnforcementStatus; clueOn: string; filedOn: string | null },
  table: readonly StageDeadline[] = DEFAULT_ENFORCEMENT_DEADLINES,
): string | null {
  const d = table.find((t) => t.states.includes(r.status));
  const start = d && r[d.from];
  return d && start ? addDays(start, d.days) : null;
}
/** Overdue: the current stage's due day has passed. */
export const enforcementOverdue = (
  r: { status: EnforcementStatus; clueOn: string; filedOn: string | null },
  today: string,
  table: readonly StageDeadline[] = DEFAULT_ENFORCEMENT_DEADLINES,
) => {
  const due = enforcementDue(r, table);
  return due !== null && due < today;
};

/** Days from 立案 to 结案 of a closed case (the 办案时长 KPI), or null. */
export const caseDays = (r: { filedOn: string | null; closedOn: string | null }) =>
  r.filedOn && r.closedOn ? daysBetween(r.filedOn, r.closedOn) : null;

/**
 * 预收费 rule: one charge may cover at most 3 months or 60 课时, whichever comes first (教监管函〔2021〕2号;
 * 穗教规字〔2021〕8号). `to` is the last day the charge covers; the 3 months end on the same day of the month 3 months
 * after `from` (the month's last day when it has no such day).
 */
export const PREPAYMENT_MAX_MONTHS = 3;
export const PREPAYMENT_MAX_LESSONS = 60;
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
export function prepaymentBreach(p: { from: string; to: string; lessons: number }): {
  breach: boolean;
  months: boolean;
  lessons: boolean;
  message: string | null;
} {
  const months = p.to > addMonths(p.from, PREPAYMENT_MAX_MONTHS);
  const lessons = p.lessons > PREPAYMENT_MAX_LESSONS;
  const message = months
    ? `一次收费的时间跨度超过${PREPAYMENT_MAX_MONTHS}个月`
    : lessons
      ? `一次收费超过${PREPAYMENT_MAX_LESSONS}课时`
      : null;
  return { breach: months || lessons, months, lessons, message };
}

const fen = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .int({ message: `${label}应为以分计的整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(2_000_000_000, { message: `${label}过大` });

/** The charge the operator took in advance (for 超期预收费, and for the page's 预收费 check). */
const Prepayment = {
  prepaidFrom: IsoDate.optional(),
  prepaidTo: IsoDate.optional(),
  prepaidLessons: z
    .number({ message: '预收课时应为数字' })
    .int({ message: '预收课时应为整数' })
    .min(0, { message: '预收课时不能为负数' })
    .max(10_000, { message: '预收课时过大' })
    .optional(),
  prepaidAmount: fen('预收金额').optional(),
};

/**
 * The fields of a case a handler enters and corrects while it is open; `institutionId` links the case to an institution
 * of the training register (in the case's county and the caller's scope, checked by the server), if it is one.
 */
const CaseFields = {
  subjectName: requiredText(100, '当事人名称', 2),
  subjectAddress: requiredText(200, '经营地址', 4),
  uscc: Uscc.optional(),
  violation: ViolationType,
  covertForm: CovertForm.optional(),
  clueSource: CaseSource,
  clueOn: IsoDate,
  summary: requiredText(2000, '线索内容', 4),
  ...Prepayment,
  institutionId: RecordId.optional(),
};

type CaseShape = {
  violation: ViolationType;
  covertForm?: CovertForm;
  prepaidFrom?: string;
  prepaidTo?: string;
  prepaidLessons?: number;
};
/** A covert case names its form; a prepayment case names the charge, and the charge must be a breach. */
function checkCase(v: CaseShape, ctx: z.RefinementCtx) {
  if (v.violation === 'covert' && !v.covertForm) ctx.addIssue({ code: 'custom', path: ['covertForm'], message: '请选择隐形变异形式' });
  if (v.violation !== 'covert' && v.covertForm)
    ctx.addIssue({ code: 'custom', path: ['covertForm'], message: '只有隐形变异培训填写隐形变异形式' });
  if (v.prepaidFrom && v.prepaidTo && v.prepaidTo < v.prepaidFrom)
    ctx.addIssue({ code: 'custom', path: ['prepaidTo'], message: '预收费截止日期不能早于起始日期' });
  if (v.violation === 'prepayment') {
    if (!v.prepaidFrom) ctx.addIssue({ code: 'custom', path: ['prepaidFrom'], message: '请填写预收费起始日期' });
    if (!v.prepaidTo) ctx.addIssue({ code: 'custom', path: ['prepaidTo'], message: '请填写预收费截止日期' });
    if (v.prepaidLessons === undefined) ctx.addIssue({ code: 'custom', path: ['prepaidLessons'], message: '请填写预收课时' });
    if (v.prepaidFrom && v.prepaidTo && v.prepaidLessons !== undefined && v.prepaidTo >= v.prepaidFrom)
      if (!prepaymentBreach({ from: v.prepaidFrom, to: v.prepaidTo, lessons: v.prepaidLessons }).breach)
        ctx.addIssue({
          code: 'custom',
          path: ['prepaidLessons'],
          message: `该笔收费未超过${PREPAYMENT_MAX_MONTHS}个月或${PREPAYMENT_MAX_LESSONS}课时，不构成超期预收费`,
        });
  }
}

/** 线索登记: the county for itself; the city names the county (交办), or keeps the case (`cityHandles`). */
export const EnforcementInput = z
  .object({ ...CaseFields, unitCode: DivisionCode.optional(), cityHandles: z.boolean().optional() })
  .strict()
  .superRefine(checkCase);
export type EnforcementInput = z.infer<typeof EnforcementInput>;

/** Correcting an open case's fields (versioned). */
export const EnforcementUpdate = z
  .object({ id: RecordId, expectedVersion: RecordVersion, ...CaseFields })
  .strict()
  .superRefine(checkCase);
export type EnforcementUpdate = z.infer<typeof EnforcementUpdate>;

const STEP_FIELDS = {
  file: ['filedOn', 'caseNo'],
  decline: ['reason'],
  notify: ['notifiedOn', 'hearingRequested'],
  decide: ['decidedOn', 'decisionNo', 'penalties'],
  execute: ['executedOn', 'executionResult'],
  close: ['closedOn'],
  escalate: ['reason'],
  hand_back: ['reason'],
} as const satisfies Partial<Record<EnforcementAction, readonly string[]>>;
const MISSING: Record<string, string> = {
  filedOn: '请填写立案日期',
  caseNo: '请填写立案编号',
  reason: '请填写原因',
  notifiedOn: '请填写告知日期',
  hearingRequested: '请选择当事人是否要求听证',
  decidedOn: '请填写决定日期',
  decisionNo: '请填写处罚决定书文号',
  penalties: '至少选择一种处罚',
  executedOn: '请填写执行日期',
  executionResult: '请填写执行结果',
  closedOn: '请填写结案日期',
};

/**
 * One step with what it fills: 立案 its date and number; 告知 its date and whether the party asked for a hearing
 * (陈述申辩/听证); 决定 its date, number, penalties and amounts in fen; 执行 its date and result; 结案 its date;
 * 不予立案, 提级 and 交回 a reason. The fields a step does not fill must be absent.
 */
export const EnforcementStepInput = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    action: EnforcementAction,
    reason: requiredText(500, '原因', 2).optional(),
    filedOn: IsoDate.optional(),
    caseNo: requiredText(60, '立案编号', 4).optional(),
    notifiedOn: IsoDate.optional(),
    hearingRequested: z.boolean({ message: '请选择当事人是否要求听证' }).optional(),
    representation: textField(2000, '陈述申辩意见').optional(),
    decidedOn: IsoDate.optional(),
    decisionNo: requiredText(60, '处罚决定书文号', 4).optional(),
    penalties: z
      .array(DecisionType, { message: '请选择处罚种类' })
      .min(1, { message: '至少选择一种处罚' })
      .max(MAX_LIST_ENTRIES, { message: `处罚种类最多${MAX_LIST_ENTRIES}项` })
      .refine((p) => new Set(p).size === p.length, { message: '处罚种类不能重复' })
      .optional(),
    fineFen: fen('罚款金额').optional(),
    confiscatedFen: fen('没收违法所得金额').optional(),
    executedOn: IsoDate.optional(),
    executionResult: requiredText(1000, '执行结果', 4).optional(),
    closedOn: IsoDate.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const needs: readonly string[] = (STEP_FIELDS as Partial<Record<EnforcementAction, readonly string[]>>)[v.action] ?? [];
    for (const f of needs) if (v[f as keyof typeof v] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: MISSING[f]! });
    if (v.action !== 'decide') return;
    const penalties = v.penalties ?? [];
    if (penalties.includes('fine') !== (v.fineFen !== undefined && v.fineFen > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['fineFen'],
        message: penalties.includes('fine') ? '请填写罚款金额' : '未选择罚款时不填写罚款金额',
      });
    if (penalties.includes('confiscation') !== (v.confiscatedFen !== undefined && v.confiscatedFen > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['confiscatedFen'],
        message: penalties.includes('confiscation') ? '请填写没收违法所得金额' : '未选择没收违法所得时不填写金额',
      });
  });
export type EnforcementStepInput = z.infer<typeof EnforcementStepInput>;

/** Why a step's date is refused (before the case's earlier date, or after today), or null. */
export function stepDateRefusal(
  r: { clueOn: string; filedOn: string | null; notifiedOn: string | null; decidedOn: string | null; executedOn: string | null },
  action: EnforcementAction,
  date: string,
  today: string,
): string | null {
  if (date > today) return '日期不能晚于今天';
  const after: Partial<Record<EnforcementAction, [string | null, string]>> = {
    file: [r.clueOn, '立案日期不能早于线索日期'],
    notify: [r.filedOn, '告知日期不能早于立案日期'],
    decide: [r.notifiedOn, '决定日期不能早于告知日期'],
    execute: [r.decidedOn, '执行日期不能早于决定日期'],
    close: [r.executedOn, '结案日期不能早于执行日期'],
  };
  const rule = after[action];
  return rule && rule[0] && date < rule[0] ? rule[1] : null;
}

/** The plan year a case counts in for 结案率: the year of its 立案 date. */
export const enforcementYearOf = (filedOn: string) => Number(filedOn.slice(0, 4));
