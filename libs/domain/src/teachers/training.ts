import { z } from 'zod';
import { PlanYear, RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { IdCardNumber } from '../id-card.ts';
import { DivisionCode } from '../org.ts';
import { requiredText, textField } from '../text.ts';
import { importDate } from './import.ts';

/**
 * Teacher training (seed item 18: “落实国培、省培、市培计划，推进中小学教师信息技术应用能力提升工程 2.0 工作”;
 * docs/domain/teachers.md, *Training*). A project is run at one tier; each participant's record says the hours earned
 * and whether they completed it. Projects that count toward 信息技术应用能力提升工程2.0 add to a teacher's IT 2.0 hours.
 */
export const TrainingTier = z.enum(['national', 'provincial', 'municipal', 'county', 'school'], { message: '请选择培训层级' });
export type TrainingTier = z.infer<typeof TrainingTier>;
export const TRAINING_TIER_LABELS: Record<TrainingTier, { zh: string; en: string }> = {
  national: { zh: '国培', en: 'National' },
  provincial: { zh: '省培', en: 'Provincial' },
  municipal: { zh: '市培', en: 'Municipal' },
  county: { zh: '县培', en: 'County' },
  school: { zh: '校本', en: 'School-based' },
};

/**
 * Who organises (enters) a project of each tier (局定): the city 科室 the 国培, 省培 and 市培 projects it carries out
 * in Hengyang, a county bureau its 县培, a school its 校本 training.
 */
export const TIER_LEVEL: Record<TrainingTier, 'city' | 'county' | 'school'> = {
  national: 'city',
  provincial: 'city',
  municipal: 'city',
  county: 'county',
  school: 'school',
};
/** The tiers a caller at `level` may create projects of. */
export const tiersOf = (level: 'city' | 'county' | 'school'): TrainingTier[] => TrainingTier.options.filter((t) => TIER_LEVEL[t] === level);

/** 信息技术应用能力提升工程2.0 (教师〔2019〕1号): each teacher at least 50 学时 … */
export const IT_CAPABILITY_HOURS = 50;
/** … over 3 years. */
export const IT_CAPABILITY_YEARS = 3;
export interface ItCapabilityRule {
  hours: number;
  years: number;
}
export const IT_CAPABILITY_RULE: ItCapabilityRule = { hours: IT_CAPABILITY_HOURS, years: IT_CAPABILITY_YEARS };

/** 学时 of a project or a record: whole hours, 0–500 (a record may be 0 when nobody has earned any yet). */
export const MAX_TRAINING_HOURS = 500;
const hoursField = (label: string, min: number) =>
  z
    .number({ message: `${label}应为数字` })
    .int({ message: `${label}应为整数学时` })
    .min(min, { message: `${label}不能小于${min}` })
    .max(MAX_TRAINING_HOURS, { message: `${label}不能大于${MAX_TRAINING_HOURS}` });
export const TrainingHours = hoursField('学时', 0);
const Participants = z
  .number({ message: '计划参训人数应为数字' })
  .int({ message: '计划参训人数应为整数' })
  .min(1, { message: '计划参训人数至少为1' })
  .max(200_000, { message: '计划参训人数不能大于200000' });

/** A training project as entered: tier, name, optional 项目编号 (the national system's), year, organiser, hours, IT 2.0. */
export const TrainingProjectInput = z
  .object({
    tier: TrainingTier,
    name: requiredText(60, '项目名称', 2),
    projectCode: textField(40, '项目编号').optional(),
    year: PlanYear,
    organiser: requiredText(60, '组织实施单位', 2),
    plannedHours: hoursField('计划学时', 1),
    itCapability: z.boolean({ message: '请选择是否计入信息技术应用能力提升工程2.0' }),
    plannedParticipants: Participants.optional(),
    /** 县培: the county (a county account: its own); 校本: the school. Both absent for the city's tiers. */
    unitCode: DivisionCode.optional(),
    schoolId: SchoolRef.optional(),
  })
  .strict();
export type TrainingProjectInput = z.infer<typeof TrainingProjectInput>;
export const TrainingProjectUpdate = TrainingProjectInput.extend({ id: RecordId, expectedVersion: RecordVersion }).strict();
export type TrainingProjectUpdate = z.infer<typeof TrainingProjectUpdate>;

/** A participant's record: who (a member of staff), which project, hours earned, completed or not, and the date. */
export const TrainingRecordInput = z
  .object({
    staffId: RecordId,
    projectId: RecordId,
    hours: TrainingHours,
    completed: z.boolean({ message: '请选择是否完成' }),
    /** The day of completion, or of the hours' last entry when not completed. */
    recordedOn: IsoDate,
  })
  .strict();
export type TrainingRecordInput = z.infer<typeof TrainingRecordInput>;
export const TrainingRecordUpdate = TrainingRecordInput.omit({ staffId: true, projectId: true })
  .extend({ id: RecordId, expectedVersion: RecordVersion })
  .strict();
export type TrainingRecordUpdate = z.infer<typeof TrainingRecordUpdate>;

export interface TrainingRefusal {
  field: string;
  message: string;
}

/** The cross-field rules of a project: where the tier's owner is named, no more and no less. */
export function projectRefusal(p: TrainingProjectInput): TrainingRefusal | null {
  const level = TIER_LEVEL[p.tier];
  if (level === 'county' && !p.unitCode) return { field: 'unitCode', message: '县培项目请选择县市区' };
  if (level === 'school' && !p.schoolId) return { field: 'schoolId', message: '校本培训项目请选择学校' };
  if (level !== 'school' && p.schoolId) return { field: 'schoolId', message: '只有校本培训项目属于一所学校' };
  if (level === 'city' && p.unitCode) return { field: 'unitCode', message: '国培、省培、市培项目不属于某个县市区' };
  return null;
}

/**
 * The cross-field rules of a record: hours no more than the project's plan, the date not after today and within the
 * project's year or after it (hours are earned during the project's year; a completion may be recorded the year after).
 */
export function recordRefusal(
  r: { hours: number; recordedOn: string },
  project: { year: number; plannedHours: number },
  today: string,
): TrainingRefusal | null {
  if (r.hours > project.plannedHours) return { field: 'hours', message: `学时不能超过项目计划学时（${project.plannedHours}学时）` };
  if (r.recordedOn > today) return { field: 'recordedOn', message: '日期不能晚于今天' };
  const year = Number(r.recordedOn.slice(0, 4));
  if (year < project.year || year > project.year + 1)
    return { field: 'recordedOn', message: `日期应在项目年度（${project.year}年）或次年内` };
  return null;
}

/** The first day after which hours count toward IT 2.0 on `asOf`: the same day `years` earlier (29 Feb → 28 Feb). */
export function itWindowStart(asOf: string, years = IT_CAPABILITY_YEARS): string {
  const y = Number(asOf.slice(0, 4)) - years;
  const md = asOf.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Whether a record dated `recordedOn` falls in the window ending on `asOf`: start < date ≤ asOf. */
export const inItWindow = (recordedOn: string, asOf: string, years = IT_CAPABILITY_YEARS) =>
  recordedOn > itWindowStart(asOf, years) && recordedOn <= asOf;

export interface ItStanding {
  /** IT 2.0 hours in the window. */
  hours: number;
  /** Hours still missing (0 when met). */
  short: number;
  met: boolean;
}

/**
 * A teacher's IT 2.0 standing on `asOf`: the hours earned in IT 2.0 projects (completed or not — the hours were
 * earned) dated in the window of `years` ending on `asOf`, and how many hours short of `hours` they are.
 */
export function itStanding(
  records: readonly { hours: number; recordedOn: string; itCapability: boolean }[],
  asOf: string,
  rule: ItCapabilityRule = IT_CAPABILITY_RULE,
): ItStanding {
  const hours = records.filter((r) => r.itCapability && inItWindow(r.recordedOn, asOf, rule.years)).reduce((s, r) => s + r.hours, 0);
  const short = Math.max(0, rule.hours - hours);
  return { hours, short, met: short === 0 };
}

/**
 * A person's IT 2.0 standing kept as a rollup (on their staff rows, refreshed by every write of their records), so the
 * city-wide 仅未达标 list and the KPI need not sum every record: `metUntil`, the last day on which the hours on record
 * reach the rule — counting from the newest record back, the record that brings them to the rule's hours stays in the
 * window until the day before its date `years` on (null: the records never reach it) — and `lastOn`, the newest
 * record's day. Exact for any day on or after `lastOn` (hours in the window only fall as days pass); `itShortOn` says
 * when the hours must be summed instead.
 */
export interface ItRollup {
  metUntil: string | null;
  lastOn: string | null;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The last day on whose window (`itWindowStart`) a record dated `recordedOn` still falls. */
export function itLastWindowDay(recordedOn: string, years = IT_CAPABILITY_YEARS): string {
  const y = Number(recordedOn.slice(0, 4)) + years;
  const md = recordedOn.slice(5);
  if (md === '02-29' && !isLeap(y)) return `${y}-02-28`;
  const d = new Date(`${String(y).padStart(4, '0')}-${md}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function itRollup(
  records: readonly { hours: number; recordedOn: string; itCapability: boolean }[],
  rule: ItCapabilityRule = IT_CAPABILITY_RULE,
): ItRollup {
  const it = records.filter((r) => r.itCapability).sort((a, b) => (a.recordedOn < b.recordedOn ? 1 : a.recordedOn > b.recordedOn ? -1 : 0));
  let sum = 0;
  for (const r of it) {
    sum += r.hours;
    if (sum >= rule.hours) return { metUntil: itLastWindowDay(r.recordedOn, rule.years), lastOn: it[0]!.recordedOn };
  }
  return { metUntil: null, lastOn: it[0]?.recordedOn ?? null };
}

/**
 * Whether a person is short of the IT 2.0 hours on `asOf` by their rollup: `hoursOn` (the sum over the window) is asked
 * only when records dated after `asOf` make the rollup unfit (an earlier business day than the newest record).
 */
export function itShortOn(rollup: ItRollup, asOf: string, hoursOn: () => number, rule: ItCapabilityRule = IT_CAPABILITY_RULE): boolean {
  if (rollup.metUntil === null || rollup.metUntil < asOf) return true;
  return rollup.lastOn !== null && rollup.lastOn > asOf ? hoursOn() < rule.hours : false;
}

/** 培训任务完成率 = completed participants ÷ planned participants; null without a plan (no data, never 0%). */
export function trainingCompletion(completed: number, planned: number): number | null {
  return planned > 0 ? completed / planned : null;
}

/** 完成情况 as the national system writes it. */
export const COMPLETION_TEXT: Record<'yes' | 'no', readonly string[]> = {
  yes: ['已完成', '完成', '合格', '已结业', '结业', '是'],
  no: ['未完成', '不合格', '未结业', '学习中', '否'],
};
/** The 完成情况 cell as a flag, or null when it is neither. */
export function completionOf(text: string): boolean | null {
  const t = text.replace(/\s/g, '');
  if (COMPLETION_TEXT.yes.includes(t)) return true;
  if (COMPLETION_TEXT.no.includes(t)) return false;
  return null;
}

/**
 * The import of training records from the national system's export (国培 platform / 全国教师管理信息系统): its layout
 * is not published, so each field takes several header texts (局定), the first being the template's.
 */
export const TRAINING_IMPORT_HEADERS = {
  idNumber: ['身份证号', '身份证件号', '证件号码'],
  name: ['姓名', '教师姓名'],
  projectCode: ['项目编号', '项目代码'],
  projectName: ['项目名称', '培训项目名称', '培训项目'],
  hours: ['学时', '获得学时', '培训学时'],
  completion: ['完成情况', '是否完成', '结业情况'],
  recordedOn: ['完成日期', '结业日期', '日期'],
} as const;
export type TrainingImportField = keyof typeof TRAINING_IMPORT_HEADERS;

/** One row of the import, checked: the person, the project (by 项目编号 or name), hours, completion, date. */
export const TrainingImportRow = z
  .object({
    idNumber: IdCardNumber,
    name: requiredText(20, '姓名'),
    projectCode: textField(40, '项目编号').optional(),
    projectName: textField(60, '项目名称').optional(),
    hours: TrainingHours,
    completed: z.boolean({ message: '完成情况应为“已完成”或“未完成”' }),
    recordedOn: IsoDate.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.projectCode && !r.projectName) ctx.addIssue({ code: 'custom', path: ['projectName'], message: '请填写项目编号或项目名称' });
    if (r.completed && !r.recordedOn) ctx.addIssue({ code: 'custom', path: ['recordedOn'], message: '已完成的培训请填写完成日期' });
  });
export type TrainingImportRow = z.infer<typeof TrainingImportRow>;

/** A row's cells as `TrainingImportRow` takes them; unreadable values stay text for the schema to refuse. */
export function trainingImportInput(cells: Partial<Record<TrainingImportField, string>>) {
  const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const hours = opt(cells.hours);
  const completion = opt(cells.completion);
  return {
    idNumber: cells.idNumber ?? '',
    name: cells.name ?? '',
    projectCode: opt(cells.projectCode),
    projectName: opt(cells.projectName),
    hours: hours !== undefined && /^\d+(\.\d+)?$/.test(hours) ? Number(hours) : hours,
    completed: completion === undefined ? undefined : (completionOf(completion) ?? completion),
    recordedOn: cells.recordedOn === undefined ? undefined : importDate(cells.recordedOn),
  };
}
