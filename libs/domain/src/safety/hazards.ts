import { z } from 'zod';
import { RecordId, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { textField } from '../text.ts';
import { defineWorkflow, stateLabels, stepEnum } from '../workflow/workflow.ts';

/** Hazard categories: the seed's special-education topics plus school buildings, surroundings and facilities (docs/domain/safety.md). */
export const HazardCategory = z.enum(
  [
    'school_bus',
    'fire',
    'drugs_aids',
    'drowning',
    'sexual_assault',
    'bullying',
    'violence',
    'traffic',
    'epidemic',
    'food_water',
    'buildings',
    'surroundings',
    'facilities',
  ],
  { message: '请选择隐患类别' },
);
export type HazardCategory = z.infer<typeof HazardCategory>;
export const HAZARD_CATEGORY_LABELS: Record<HazardCategory, string> = {
  school_bus: '校车',
  fire: '消防',
  drugs_aids: '禁毒防艾',
  drowning: '防溺水',
  sexual_assault: '防性侵',
  bullying: '防欺凌',
  violence: '防暴力伤害',
  traffic: '交通安全',
  epidemic: '传染病防控',
  food_water: '食品饮用水安全',
  buildings: '校舍',
  surroundings: '周边环境',
  facilities: '设施设备',
};
export const Severity = z.enum(['ordinary', 'major'], { message: '请选择严重程度' });
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_LABELS: Record<Severity, string> = { ordinary: '一般', major: '重大' };

/** The message when 整改后 evidence is missing (the field is the 整改后 upload). */
export const HAZARD_EVIDENCE_MESSAGE = '请先上传至少1个整改后照片或文件，再提交验收';
const RECTIFIERS = { by: ['school', 'county'], refusals: { level: '整改由学校（或代其填报的县区教育局）进行' } } as const;
const ACCEPTORS = {
  by: ['county', 'city'],
  refusals: { level: '验收由县区教育局或市教育局进行' },
  notBySubmitter: { message: '不能验收自己提交的整改' },
} as const;

/**
 * The rectification loop (“挂账销号”, docs/domain/safety.md): 待整改 → 整改中 → 待验收 → 已销号, a return at 验收 sending it
 * back to 整改中 with a reason. The school rectifies its own hazards (a county may enter for a school without an
 * account); the deadline and acceptance are the county's for its schools and the city's for all; nobody accepts
 * rectification they submitted. 提交验收 and 验收销号 need at least one 整改后 photo or document (“photos_before/after”),
 * checked at the step so hazards closed before the rule keep their history.
 */
export const HAZARD_WORKFLOW = defineWorkflow({
  key: 'safety.hazard',
  noun: { zh: '隐患', en: 'hazard' },
  states: ['pending', 'rectifying', 'awaiting_acceptance', 'closed', 'voided'],
  stateLabels: {
    pending: { zh: '待整改', en: 'To rectify' },
    rectifying: { zh: '整改中', en: 'Rectifying' },
    awaiting_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
    closed: { zh: '已销号', en: 'Closed' },
    voided: { zh: '已作废', en: 'Voided' },
  },
  initial: 'pending',
  turn: { pending: ['school'], rectifying: ['school'], awaiting_acceptance: ['county'], closed: [], voided: [] },
  steps: {
    set_deadline: {
      label: { zh: '确定整改期限', en: 'Set the deadline' },
      from: ['pending', 'rectifying', 'awaiting_acceptance'],
      by: ['county', 'city'],
      fills: ['deadline'],
      refusals: { level: '整改期限由县区教育局或市教育局确定', state: '隐患已销号，不能修改整改期限' },
    },
    start: {
      label: { zh: '开始整改', en: 'Start rectifying' },
      from: ['pending'],
      to: 'rectifying',
      ...RECTIFIERS,
      bulk: true,
      needs: [{ field: 'deadline', message: '尚未确定整改期限，请等待县区教育局确定后再开始整改' }],
    },
    submit: {
      label: { zh: '提交验收', en: 'Submit for acceptance' },
      from: ['rectifying'],
      to: 'awaiting_acceptance',
      ...RECTIFIERS,
      evidence: { slot: 'after', message: HAZARD_EVIDENCE_MESSAGE },
    },
    withdraw: {
      label: { zh: '撤回', en: 'Withdraw' },
      from: ['awaiting_acceptance'],
      to: 'rectifying',
      ...RECTIFIERS,
      reason: true,
      corrective: true,
      refusals: { level: RECTIFIERS.refusals.level, state: '只有待验收的隐患可以撤回' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['awaiting_acceptance'], to: 'rectifying', ...ACCEPTORS, reason: true },
    close: {
      label: { zh: '验收销号', en: 'Accept and close' },
      from: ['awaiting_acceptance'],
      to: 'closed',
      ...ACCEPTORS,
      bulk: true,
      evidence: { slot: 'after', message: '该隐患没有整改后照片或文件，不能验收销号，请退回并要求补充' },
    },
    correct: {
      label: { zh: '更正', en: 'Correct' },
      from: ['pending', 'rectifying'],
      by: ['school', 'county', 'city'],
      reason: true,
      corrective: true,
      refusals: { state: '只有待整改或整改中的隐患可以更正' },
    },
    void: {
      label: { zh: '作废', en: 'Void' },
      from: ['pending', 'rectifying'],
      to: 'voided',
      by: ['county', 'city'],
      reason: true,
      corrective: true,
      refusals: { level: '作废由县区教育局或市教育局进行', state: '只有待整改或整改中的隐患可以作废' },
    },
  },
});

/**
 * The states in which a hazard is still to be dealt with (open): every state a step leads out of. A voided hazard
 * (作废: registered in error, with a reason) counts nowhere — not in the registered total, the rates or the overdue
 * figures — but stays on file with its history.
 */
export const HAZARD_OPEN_STATES: readonly (typeof HAZARD_WORKFLOW.states)[number][] = HAZARD_WORKFLOW.states.filter(
  (s) => !HAZARD_WORKFLOW.finalStates.includes(s),
);
/** The end states (已销号, 已作废): nothing more is done to the hazard, not even a file added. */
export const HAZARD_FINAL_STATES = HAZARD_WORKFLOW.finalStates;
/** The states a hazard counts in (all but 作废). */
export const HAZARD_COUNTED_STATES: readonly (typeof HAZARD_WORKFLOW.states)[number][] = HAZARD_WORKFLOW.states.filter(
  (s) => s !== 'voided',
);

/**
 * What 更正 may change: the facts of the finding. The school may correct where and what and who is responsible; the
 * category and the severity (a 重大 hazard is the city's to see) are the county's or the city's to correct.
 */
export const HAZARD_CORRECTABLE = ['category', 'severity', 'foundOn', 'location', 'description', 'responsiblePerson'] as const;
export const HAZARD_CORRECTION_BY_BUREAU: readonly (typeof HAZARD_CORRECTABLE)[number][] = ['category', 'severity'];
export const HAZARD_CORRECTION_REFUSAL = '隐患类别和严重程度的更正由县区教育局或市教育局进行';

/** A hazard's status: the workflow's states (the validation schema and the labels are built from them). */
export const HazardStatus = z.enum(HAZARD_WORKFLOW.states);
export type HazardStatus = z.infer<typeof HazardStatus>;
export const HAZARD_STATUS_LABELS = stateLabels(HAZARD_WORKFLOW, 'zh');

/** A step of the loop, and the steps that move it (all but setting the deadline). */
export type HazardStep = (typeof HAZARD_WORKFLOW.actions)[number];
export type HazardAction = Exclude<HazardStep, 'set_deadline' | 'correct'>;
/** The steps that move a hazard, as an input schema (setting the deadline and 更正 have their own procedures). */
export const HazardAction = stepEnum(HAZARD_WORKFLOW, ['set_deadline', 'correct']);

/** The hazard as its workflow sees it. */
export const hazardCase = (h: { status: HazardStatus; deadline: string | null; submittedBy: string | null }) => ({
  state: h.status,
  submittedBy: h.submittedBy,
  fields: { deadline: h.deadline },
});

/**
 * Days a county has to accept (验收) a submitted rectification before it is late. The seed sets no such limit
 * (“落实全省教育系统安全专项整治三年行动，深化校园安全专项整顿”): 15 days is the bureau's own figure.
 */
export const HAZARD_ACCEPTANCE_DAYS = 15;
/** Statuses in which rectification is the school's to do (the deadline runs against the school). */
export const SCHOOL_STAGES: readonly HazardStatus[] = ['pending', 'rectifying'];

/** Who is late with a hazard: 'school' or 'county', or null when nobody is. */
export type HazardLateness = 'school' | 'county' | null;
export const HAZARD_LATENESS_LABELS = { school: '学校逾期未整改', county: '县区逾期未验收' } as const;

/** The last day a county may accept a rectification submitted on `submittedOn` (a Beijing date) without being late. */
export function acceptanceDueOn(submittedOn: string): string {
  const d = new Date(`${submittedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + HAZARD_ACCEPTANCE_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * The one “overdue” rule (docs/domain/safety.md: deadline, 待整改 → 整改中 → 待验收 → 已销号). School lateness: the
 * rectification deadline (a Beijing date) has passed while the hazard is still the school's (待整改, 整改中).
 * County lateness: rectification submitted (待验收) and not accepted within HAZARD_ACCEPTANCE_DAYS of the submission.
 * A hazard waiting for acceptance is never the school's lateness, whatever its deadline; a closed one is nobody's.
 */
export function hazardLateness(
  h: { status: HazardStatus; deadline: string | null; submittedOn: string | null },
  today: string,
): HazardLateness {
  if (SCHOOL_STAGES.includes(h.status)) return h.deadline !== null && h.deadline < today ? 'school' : null;
  if (h.status === 'awaiting_acceptance') return h.submittedOn !== null && acceptanceDueOn(h.submittedOn) < today ? 'county' : null;
  return null;
}
/** Overdue at all (either kind), for lists and exports. */
export const hazardOverdue = (h: { status: HazardStatus; deadline: string | null; submittedOn: string | null }, today: string): boolean =>
  hazardLateness(h, today) !== null;

/** A 重大 hazard is visible to the city at once (“重大隐患 escalates to L1 automatically”). */
export const escalatesToCity = (h: { severity: Severity }): boolean => h.severity === 'major';

/** 隐患整改销号率: closed ÷ registered, 作废 counting in neither (null when none is registered). */
export function closureRate(hazards: readonly { status: HazardStatus }[]): number | null {
  const counted = hazards.filter((h) => HAZARD_COUNTED_STATES.includes(h.status));
  return counted.length === 0 ? null : counted.filter((h) => h.status === 'closed').length / counted.length;
}

/** Where a hazard was found (docs/domain/safety.md source): the inspecting level, or a report from the public. */
export const HazardSource = z.enum(['self', 'county', 'city', 'supervision', 'report'], { message: '请选择隐患来源' });
export type HazardSource = z.infer<typeof HazardSource>;
export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  self: '学校自查',
  county: '县区检查',
  city: '市局检查',
  supervision: '督导检查',
  report: '群众举报',
};
/** The level of an inspection (排查): every source but a report from the public. */
export const InspectionLevel = HazardSource.exclude(['report'], { message: '请选择检查层级' });
export type InspectionLevel = z.infer<typeof InspectionLevel>;

/** The level an account acts at in the safety module: its own school, a county's schools, or the whole city. */
export type SafetyLevel = 'school' | 'county' | 'city';

const SOURCES_BY_LEVEL: Record<SafetyLevel, readonly HazardSource[]> = {
  school: ['self', 'report'],
  county: ['self', 'county', 'report'],
  city: ['self', 'county', 'city', 'supervision', 'report'],
};
/** The sources an account at `level` may record (a school cannot record a county inspection). */
export const sourcesFor = (level: SafetyLevel): readonly HazardSource[] => SOURCES_BY_LEVEL[level];

export const HazardInput = z
  .object({
    schoolId: SchoolRef,
    /** The inspection (排查) that found it, if it was recorded as one. */
    inspectionId: RecordId.optional(),
    source: HazardSource,
    category: HazardCategory,
    severity: Severity,
    foundOn: IsoDate,
    location: textField(100, '隐患部位').optional(),
    description: textField(1000, '隐患描述').pipe(z.string().min(5, { message: '隐患描述至少写5个字' })),
    responsiblePerson: textField(20, '整改责任人').pipe(z.string().min(2, { message: '请填写整改责任人' })),
    deadline: IsoDate.nullable().default(null),
    measures: textField(1000, '整改措施').optional(),
  })
  .strict()
  .refine((h) => h.deadline === null || h.deadline >= h.foundOn, { message: '整改期限不能早于发现日期', path: ['deadline'] });
export type HazardInput = z.infer<typeof HazardInput>;

/** 更正: the facts to change (at least one, as HAZARD_CORRECTABLE) and why. */
export const HazardCorrection = z
  .object({
    category: HazardCategory.optional(),
    severity: Severity.optional(),
    foundOn: IsoDate.optional(),
    location: textField(100, '隐患部位').optional(),
    description: textField(1000, '隐患描述')
      .pipe(z.string().min(5, { message: '隐患描述至少写5个字' }))
      .optional(),
    responsiblePerson: textField(20, '整改责任人')
      .pipe(z.string().min(2, { message: '请填写整改责任人' }))
      .optional(),
    reason: textField(500, '更正原因').pipe(z.string().min(2, { message: '请填写更正原因' })),
  })
  .strict();
export type HazardCorrection = z.infer<typeof HazardCorrection>;

/**
 * When two rows of one hazard import describe the same hazard: the same school, found on the same day, of the same
 * category, at the same place (both blank counts as the same) with the same description. Text is compared as people
 * read it: NFKC (full-width = half-width), runs of whitespace as one space, ends trimmed, Latin letters in any case.
 * Severity, source, deadline and measures do not make a second hazard of it.
 */
export function hazardDuplicateKey(h: Pick<HazardInput, 'schoolId' | 'foundOn' | 'category' | 'location' | 'description'>): string {
  const norm = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return JSON.stringify([h.schoolId, h.foundOn, h.category, norm(h.location), norm(h.description)]);
}
