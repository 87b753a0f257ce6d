import { z } from 'zod';
import { SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { stateLabels } from '../workflow/workflow.ts';
import { PROFILE_REVIEW } from './compliance-workflow.ts';
import { Term } from './terms.ts';

export { PROFILE_REVIEW } from './compliance-workflow.ts';

/**
 * 中小学幼儿园安全防范建设“4个100%” (seed item 4; docs/domain/safety.md). Items ①–③ agree across the public sources:
 * 专职保安员配备, 封闭化管理, 一键式紧急报警和视频监控与公安机关联网. Item ④ differs (护学岗 or 硬质防冲撞设施) and
 * Hengyang's choice is not public, so it is configuration, default 护学岗.
 */
export const FourthIndicator = z.enum(['guard_post', 'anti_ram']);
export type FourthIndicator = z.infer<typeof FourthIndicator>;
export const INDICATOR_LABELS = {
  guards: '专职保安员配备',
  closed: '封闭化管理',
  alarm: '一键式报警和视频监控联网',
  guard_post: '“护学岗”设置',
  anti_ram: '硬质防冲撞设施安装',
} as const;
/** The same indicators in English (the pages' English; the exports and templates stay Chinese). */
export const INDICATOR_LABELS_EN: Record<keyof typeof INDICATOR_LABELS, string> = {
  guards: 'Full-time guards',
  closed: 'Closed campus',
  alarm: 'Alarm and video linked to police',
  guard_post: 'School-gate guard post',
  anti_ram: 'Anti-ramming barriers',
};
export type Indicator = 'guards' | 'closed' | 'alarm' | 'fourth';

/**
 * Guard staffing norm. Public checklists (regional, not national law; docs/domain/safety.md): at least 2 专职保安 at the gate
 * during school hours; above 1,500 师生员工, 2‰ of the headcount, 3‰ for boarding schools. Configuration, not law.
 */
export const GuardNorm = z.object({
  minimum: z.number().int().min(0),
  largeSchoolAbove: z.number().int().min(0),
  perMille: z.number().min(0),
  boardingPerMille: z.number().min(0),
});
export type GuardNorm = z.infer<typeof GuardNorm>;
export const DEFAULT_GUARD_NORM: Readonly<GuardNorm> = Object.freeze({
  minimum: 2,
  largeSchoolAbove: 1500,
  perMille: 2,
  boardingPerMille: 3,
});

export function requiredGuards(
  school: { students: number; staff: number; isBoarding: boolean },
  norm: GuardNorm = DEFAULT_GUARD_NORM,
): number {
  const headcount = school.students + school.staff;
  if (headcount <= norm.largeSchoolAbove) return norm.minimum;
  const rate = (school.isBoarding ? norm.boardingPerMille : norm.perMille) / 1000;
  return Math.max(norm.minimum, Math.ceil(headcount * rate));
}

/** One school's status in a term (docs/domain/safety.md SchoolSafetyProfile). `antiRam` null: not required there. */
export interface SafetyProfile {
  students: number;
  staff: number;
  isBoarding: boolean;
  fulltimeGuards: number;
  closedManagement: boolean;
  alarmLinked110: boolean;
  videoLinkedPolice: boolean;
  guardPost: boolean;
  antiRam: boolean | null;
}

/** Which indicators a school meets; null for one that does not apply to it (left out of that rate). */
export function indicatorsMet(
  p: SafetyProfile,
  fourth: FourthIndicator,
  norm: GuardNorm = DEFAULT_GUARD_NORM,
): Record<Indicator, boolean | null> & { all: boolean } {
  const met = {
    guards: p.fulltimeGuards >= requiredGuards(p, norm),
    closed: p.closedManagement,
    alarm: p.alarmLinked110 && p.videoLinkedPolice,
    fourth: fourth === 'guard_post' ? p.guardPost : p.antiRam,
  };
  return { ...met, all: Object.values(met).every((v) => v !== false) };
}

export interface Rate {
  met: number;
  inScope: number;
  /** null when no school is in scope (no data, never 0%). */
  rate: number | null;
}
const rate = (met: number, inScope: number): Rate => ({ met, inScope, rate: inScope === 0 ? null : met / inScope });

/**
 * Shown beside a 4个100% rate: how many of the schools due to report for the counted term have a county-verified
 * report. The rate counts verified reports only, so a low verified ÷ due means the rate is not yet the city's picture.
 */
export interface VerifiedOfDue {
  verified: number;
  due: number;
  /** null when no school is due. */
  share: number | null;
  /** '已核实 58 / 64 所'. */
  label: string;
}
export const verifiedOfDue = (verified: number, due: number): VerifiedOfDue => ({
  verified,
  due,
  share: due === 0 ? null : verified / due,
  label: `已核实 ${verified} / ${due} 所`,
});

/** Rate per indicator and of full compliance (every applicable indicator met) over a set of schools. */
export function complianceRates(
  profiles: readonly SafetyProfile[],
  fourth: FourthIndicator,
  norm: GuardNorm = DEFAULT_GUARD_NORM,
): Record<Indicator | 'all', Rate> {
  const results = profiles.map((p) => indicatorsMet(p, fourth, norm));
  const of = (k: Indicator) => rate(results.filter((r) => r[k] === true).length, results.filter((r) => r[k] !== null).length);
  return {
    guards: of('guards'),
    closed: of('closed'),
    alarm: of('alarm'),
    fourth: of('fourth'),
    all: rate(results.filter((r) => r.all).length, results.length),
  };
}

/** The city's configuration of the 4个100% (安全稳定科): which fourth indicator and the guard norm. */
export const SafetySettings = z
  .object({
    fourth: FourthIndicator,
    norm: GuardNorm.extend({
      minimum: z.number({ message: '最少保安人数应为整数' }).int().min(1, { message: '最少保安人数至少为1' }).max(20),
      largeSchoolAbove: z.number({ message: '人数应为整数' }).int().min(100, { message: '人数不少于100' }).max(20_000),
      perMille: z.number({ message: '比例应为数字' }).min(0.5, { message: '比例不低于0.5‰' }).max(20),
      boardingPerMille: z.number({ message: '比例应为数字' }).min(0.5, { message: '比例不低于0.5‰' }).max(20),
    }).strict(),
  })
  .strict();
export type SafetySettings = z.infer<typeof SafetySettings>;
export const DEFAULT_SAFETY_SETTINGS: SafetySettings = { fourth: 'guard_post', norm: { ...DEFAULT_GUARD_NORM } };

const headcount = (label: string, max: number) =>
  z
    .number({ message: `${label}应为整数` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负` })
    .max(max, { message: `${label}过大` });

/** A school's 4个100% status for a term, as the school (or its county) enters it. */
export const ProfileInput = z
  .object({
    schoolId: SchoolRef,
    term: Term,
    students: headcount('在校生数', 20_000),
    staff: headcount('教职工数', 2_000),
    fulltimeGuards: headcount('专职保安人数', 200),
    closedManagement: z.boolean({ message: '请选择是否封闭化管理' }),
    alarmLinked110: z.boolean({ message: '请选择一键式报警是否与110联网' }),
    videoLinkedPolice: z.boolean({ message: '请选择视频监控是否与公安联网' }),
    guardPost: z.boolean({ message: '请选择是否设置“护学岗”' }),
    /** null: not required at this school (rural, no traffic risk). */
    antiRam: z.boolean({ message: '请选择是否安装硬质防冲撞设施' }).nullable(),
    evidenceDate: IsoDate,
  })
  .strict();
export type ProfileInput = z.infer<typeof ProfileInput>;

export type ProfileReviewState = (typeof PROFILE_REVIEW.states)[number];
/** 待核实 / 已核实 / 已退回, as the pages and exports say it. */
export const PROFILE_REVIEW_LABELS = stateLabels(PROFILE_REVIEW, 'zh');
