import { z } from 'zod';
import { PlanYear, RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { IdCardNumber } from '../id-card.ts';
import { DivisionCode } from '../org.ts';
import type { SchoolLevel } from '../school.ts';
import { requiredText, textField } from '../text.ts';
import { addMonths } from './ethics.ts';
import { ageOn } from './staff.ts';

/**
 * Teacher supply programmes (seed item 18: 统筹实施优师计划、公费师范生培养计划、特岗教师计划和银龄讲学计划;
 * docs/domain/teachers.md "Training" and "Programmes as built").
 */
export const Programme = z.enum(['excellent', 'funded', 'special_post', 'silver'], { message: '请选择计划类别' });
export type Programme = z.infer<typeof Programme>;

/**
 * Each programme's service obligation, declared once: the years of service from its start, of which the years owed in a
 * rural compulsory school, and whether the post must be in a 定向县 of the home province.
 * - 优师计划 (2021): ≥ 6 years in a 定向县.
 * - 公费师范生 (2018): ≥ 6 years teaching; those posted to a town or city first serve ≥ 1 year in a rural compulsory school.
 * - 特岗教师 (2006): 3 years in rural compulsory schools, then 留任 into 编制 (details not verified).
 * - 银龄讲学计划: retired teachers, usually a 1-year term (renewable); never at their own former school.
 */
export const PROGRAMMES = {
  excellent: { zh: '优师计划', en: 'Excellent Teacher Plan', years: 6, ruralYears: 0, targetedOnly: true },
  funded: { zh: '公费师范生', en: 'Publicly funded normal graduates', years: 6, ruralYears: 1, targetedOnly: false },
  special_post: { zh: '特岗教师', en: 'Special-post teachers', years: 3, ruralYears: 3, targetedOnly: false },
  silver: { zh: '银龄讲学计划', en: 'Silver-age teaching plan', years: 1, ruralYears: 0, targetedOnly: false },
} as const satisfies Record<Programme, { zh: string; en: string; years: number; ruralYears: number; targetedOnly: boolean }>;

/** 银龄讲学: the age limit on the term's start (“一般不超过65岁”; 局定 as a limit). */
export const SILVER_MAX_AGE = 65;

/**
 * 定向县 (the counties the 优师计划 serves: the 832 脱贫县 and 中西部陆地边境县 of the home province). Which of the city's
 * counties are among them is not in the domain notes, so it is the city's setting; the default is none (局定, to be set
 * by the 科室 when it knows).
 */
export const DEFAULT_TARGETED_COUNTIES: readonly string[] = [];

/** A programme person's status: 未到岗 (on the list, not arrived), 已到岗, 提前离岗 (left before the obligation ended). */
export const ProgrammePersonStatus = z.enum(['pending', 'arrived', 'left'], { message: '请选择到岗状态' });
export type ProgrammePersonStatus = z.infer<typeof ProgrammePersonStatus>;
export const PROGRAMME_PERSON_STATUS_LABELS: Record<ProgrammePersonStatus, { zh: string; en: string }> = {
  pending: { zh: '未到岗', en: 'Not arrived' },
  arrived: { zh: '已到岗', en: 'Arrived' },
  left: { zh: '提前离岗', en: 'Left early' },
};

/** The obligation's standing on a day: 未到岗, 服务中, 已履约, 提前离岗 (a breach). */
export const ObligationStanding = z.enum(['not_started', 'serving', 'fulfilled', 'breach']);
export type ObligationStanding = z.infer<typeof ObligationStanding>;
export const OBLIGATION_STANDING_LABELS: Record<ObligationStanding, { zh: string; en: string }> = {
  not_started: { zh: '未到岗', en: 'Not started' },
  serving: { zh: '服务中', en: 'Serving' },
  fulfilled: { zh: '已履约', en: 'Fulfilled' },
  breach: { zh: '提前离岗', en: 'Breach (left early)' },
};

/** The day the obligation is fulfilled: the service start plus the programme's years (calendar years, 2-29 → 2-28). */
export const serviceEndsOn = (start: string, programme: Programme): string => addMonths(start, PROGRAMMES[programme].years * 12);

/** The rural year a 公费师范生 owes ends on this day (null for programmes without a separate rural year). */
export const ruralServiceEndsOn = (start: string, programme: Programme): string | null => {
  const p = PROGRAMMES[programme];
  return p.ruralYears > 0 && p.ruralYears < p.years ? addMonths(start, p.ruralYears * 12) : null;
};

/**
 * The obligation's standing on `on`: not started before service starts; a departure before the end is a breach from
 * the day of leaving; fulfilled from the end day; serving in between.
 */
export function obligationStanding(
  p: { serviceStartOn: string | null; obligationEndsOn: string | null; leftOn: string | null },
  on: string,
): ObligationStanding {
  if (!p.serviceStartOn || !p.obligationEndsOn || on < p.serviceStartOn) return 'not_started';
  if (p.leftOn && p.leftOn < p.obligationEndsOn && p.leftOn <= on) return 'breach';
  return on >= p.obligationEndsOn ? 'fulfilled' : 'serving';
}

/** 到岗率 = arrived ÷ planned; null (no data) when nothing was planned. */
export const arrivalRate = (arrived: number, planned: number): number | null => (planned > 0 ? arrived / planned : null);

/** Below target: 到岗率 under 100% (the KPI's target, 局定). */
export const ARRIVAL_TARGET = 1;
export const belowArrivalTarget = (rate: number | null) => rate !== null && rate < ARRIVAL_TARGET;

/**
 * The schools programme teachers are placed in: 中小学 (the programmes serve primary and secondary schools — 特岗 and 银龄
 * rural compulsory schools, 公费师范生 and 优师 中小学; not kindergartens, 中职 or special schools; 局定 from the notes).
 */
export const PROGRAMME_SCHOOL_LEVELS: readonly SchoolLevel[] = ['primary', 'junior', 'nine_year', 'senior', 'complete_middle'];
export const programmeSchoolRefusal = (level: SchoolLevel): string | null =>
  PROGRAMME_SCHOOL_LEVELS.includes(level) ? null : '教师补充计划人员只分配到中小学';

/** Why a programme may not be placed in a county (优师计划: 定向县 only), or null. */
export function programmeCountyRefusal(programme: Programme, unitCode: string, targeted: readonly string[]): string | null {
  if (PROGRAMMES[programme].targetedOnly && !targeted.includes(unitCode))
    return `${PROGRAMMES[programme].zh}只面向定向县，该县市区未设为定向县`;
  return null;
}

/**
 * A 定向县 that already has 优师计划 people or a planned number cannot stop being one (its people would serve a
 * programme their county is not in): the counties removed that are in use, by name, or null.
 */
export function untargetRefusal(removed: readonly string[], inUse: ReadonlySet<string>, nameOf: (code: string) => string): string | null {
  const held = removed.filter((c) => inUse.has(c));
  return held.length ? `${held.map(nameOf).join('、')}已有${PROGRAMMES.excellent.zh}的计划人数或人员，不能取消定向县` : null;
}

/** A county's list for a programme and year holds at most the number planned (the city's quota). */
export function listFullRefusal(programme: Programme, year: number, listed: number, planned: number): string | null {
  if (planned === 0) return `${year}年未下达${PROGRAMMES[programme].zh}计划人数`;
  return listed >= planned ? `${year}年${PROGRAMMES[programme].zh}名单已达到计划人数（${planned}人）` : null;
}

/** Why an arrival cannot be recorded on the day (field and message), or null. */
export function arrivalRefusal(
  p: { programme: Programme; year: number; birthDate: string; status: ProgrammePersonStatus },
  arrivedOn: string,
  today: string,
): { field: string; message: string } | null {
  if (p.status !== 'pending') return { field: 'arrivedOn', message: '该人员已登记到岗或离岗，不能重复登记到岗' };
  if (arrivedOn > today) return { field: 'arrivedOn', message: '到岗日期不能晚于今天' };
  if (Number(arrivedOn.slice(0, 4)) < p.year) return { field: 'arrivedOn', message: `到岗日期不能早于计划年度${p.year}年` };
  if (p.programme === 'silver' && ageOn(p.birthDate, arrivedOn) > SILVER_MAX_AGE)
    return { field: 'arrivedOn', message: `银龄讲学教师到岗时年龄一般不超过${SILVER_MAX_AGE}岁` };
  return null;
}

/** Why an early departure cannot be recorded on the day, or null. */
export function departureRefusal(
  p: { status: ProgrammePersonStatus; serviceStartOn: string | null; obligationEndsOn: string | null },
  leftOn: string,
  today: string,
): { field: string; message: string } | null {
  if (p.status !== 'arrived' || !p.serviceStartOn || !p.obligationEndsOn)
    return { field: 'leftOn', message: '只有已到岗的人员可以登记提前离岗' };
  if (leftOn > today) return { field: 'leftOn', message: '离岗日期不能晚于今天' };
  if (leftOn < p.serviceStartOn) return { field: 'leftOn', message: '离岗日期不能早于服务开始日期' };
  if (leftOn >= p.obligationEndsOn) return { field: 'leftOn', message: `服务期已于${p.obligationEndsOn}届满，不属于提前离岗` };
  return null;
}

export const PROGRAMME_MAX_PLANNED = 10_000;
const Planned = z
  .number({ message: '计划人数应为数字' })
  .int({ message: '计划人数应为整数' })
  .min(0, { message: '计划人数不能为负数' })
  .max(PROGRAMME_MAX_PLANNED, { message: `计划人数不能超过${PROGRAMME_MAX_PLANNED}` });
/** A quota's version: 0 when the quota was never set. */
const QuotaVersion = z
  .number({ message: '缺少记录版本，请刷新后重试' })
  .int({ message: '缺少记录版本，请刷新后重试' })
  .min(0, { message: '记录版本无效，请刷新后重试' })
  .max(2 ** 31 - 1, { message: '记录版本无效，请刷新后重试' });

/** The city sets a county's planned number for a programme and year. */
export const QuotaInput = z
  .object({ unitCode: DivisionCode, year: PlanYear, programme: Programme, planned: Planned, expectedVersion: QuotaVersion })
  .strict();
export type QuotaInput = z.infer<typeof QuotaInput>;

/** A person allocated to a county (and school) under a programme and year: on the list, not yet arrived. */
export const ProgrammePersonInput = z
  .object({
    programme: Programme,
    year: PlanYear,
    schoolId: SchoolRef,
    name: requiredText(20, '姓名'),
    idNumber: IdCardNumber,
  })
  .strict();
export type ProgrammePersonInput = z.infer<typeof ProgrammePersonInput>;

export const ArrivalInput = z.object({ id: RecordId, expectedVersion: RecordVersion, arrivedOn: IsoDate }).strict();
export const DepartureInput = z
  .object({ id: RecordId, expectedVersion: RecordVersion, leftOn: IsoDate, leftReason: requiredText(200, '离岗原因', 2) })
  .strict();

export const TargetedInput = z
  .object({
    counties: z.array(DivisionCode, { message: '定向县应为县市区列表' }).max(20, { message: '定向县最多20个' }),
    expectedVersion: QuotaVersion,
  })
  .strict();

/** The persons list's name search. */
export const ProgrammeQuery = textField(20, '姓名');

/** A plan year as a page's URL carries it (`?year=2022`). */
export const ProgrammeYearParam = z.coerce.number().int().min(2000).max(2100);
