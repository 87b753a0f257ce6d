import { z } from 'zod';
import { MAX_RECORD_ID, RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { DivisionCode } from '../org.ts';
import { SchoolYear } from '../private-edu/census.ts';
import { GRADES_BY_LEVEL, isCompulsoryGrade, type SchoolLevel } from '../school.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { EXCHANGE_PLAN_WORKFLOW } from './exchange-workflow.ts';
import type { PostCategory, StaffingStatus } from './staff.ts';

/**
 * 县管校聘 teacher exchange (交流轮岗), seed item 19. 《关于推进县（区）域内义务教育学校校长教师交流轮岗的意见》
 * (教师〔2014〕4号): each county, each school year, the teachers who exchange are at least **10%** of the eligible teachers
 * of its 城镇 and 优质 schools, and of those who exchange at least **20%** are 骨干教师. Eligible: 在编 public-school
 * teachers who have served at the same school for a number of years (typically **6**; configurable). Exchanges go
 * 城 → 乡 (a non-rural school to a rural one) or 优质 → 薄弱 (as the county designates its schools each school year).
 */

/** At least 10% of the eligible teachers of 城镇 and 优质 schools exchange each school year (教师〔2014〕4号). */
export const EXCHANGE_MIN_SHARE = 0.1;
/** At least 20% of those who exchange are 骨干教师 (教师〔2014〕4号). */
export const EXCHANGE_BACKBONE_SHARE = 0.2;
/** Years at the same school that make a teacher eligible, by default (the city may set another figure). */
export const DEFAULT_EXCHANGE_YEARS = 6;
/** A school year starts on 1 September: the years at a school are counted to that day. */
export const SCHOOL_YEAR_START = '09-01';
/** An exchange's term in years (局定: usually 3; the notice says 一定期限). */
export const DEFAULT_EXCHANGE_TERM = 3;
export const MAX_EXCHANGE_TERM = 6;

export const ExchangeDirection = z.enum(['urban_rural', 'strong_weak'], { message: '请选择交流方向' });
export type ExchangeDirection = z.infer<typeof ExchangeDirection>;
export const EXCHANGE_DIRECTION_LABELS: Record<ExchangeDirection, { zh: string; en: string }> = {
  urban_rural: { zh: '城镇→乡村', en: 'Urban to rural' },
  strong_weak: { zh: '优质→薄弱', en: 'High-quality to weak' },
};

/** How the county designates a school for a school year: 优质 or 薄弱 (neither: no designation row). */
export const SchoolDesignation = z.enum(['quality', 'weak'], { message: '请选择优质学校或薄弱学校' });
export type SchoolDesignation = z.infer<typeof SchoolDesignation>;
export const DESIGNATION_LABELS: Record<SchoolDesignation, { zh: string; en: string }> = {
  quality: { zh: '优质学校', en: 'High-quality school' },
  weak: { zh: '薄弱学校', en: 'Weak school' },
};

export const ExchangeRecordStatus = z.enum(['planned', 'under_way', 'returned']);
export type ExchangeRecordStatus = z.infer<typeof ExchangeRecordStatus>;
export const EXCHANGE_RECORD_STATUS_LABELS: Record<ExchangeRecordStatus, { zh: string; en: string }> = {
  planned: { zh: '拟交流', en: 'Planned' },
  under_way: { zh: '交流中', en: 'Under way' },
  returned: { zh: '已期满', en: 'Term completed' },
};

/** The first day of a school year ('2022-2023' → 2022-09-01). */
export const schoolYearStart = (schoolYear: string): string => `${schoolYear.slice(0, 4)}-${SCHOOL_YEAR_START}`;
/** The school year a day falls in (from 1 September). */
export function schoolYearOn(day: string): string {
  const y = Number(day.slice(0, 4));
  const start = day.slice(5) >= SCHOOL_YEAR_START ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** Whole years from `from` to `to` (anniversaries passed). */
export function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

/** The latest day a teacher may have joined their school and still be eligible in a school year. */
export const joinedBy = (schoolYear: string, years: number): string => `${Number(schoolYear.slice(0, 4)) - years}-${SCHOOL_YEAR_START}`;

/** The schools 县管校聘 concerns: those teaching compulsory grades (义务教育学校). */
export const EXCHANGE_LEVELS = (Object.keys(GRADES_BY_LEVEL) as SchoolLevel[]).filter((l) => GRADES_BY_LEVEL[l].some(isCompulsoryGrade));

export interface ExchangeCandidate {
  status: StaffingStatus;
  post: PostCategory;
  ownership: 'public' | 'private';
  level: SchoolLevel;
  joinedOn: string;
}

/**
 * Why a person is not eligible to exchange in a school year, or null when they are: 在编, 专任教师, at a public school,
 * and at least `years` whole years at that school on the school year's first day.
 */
export function eligibilityRefusal(c: ExchangeCandidate, schoolYear: string, years = DEFAULT_EXCHANGE_YEARS): string | null {
  if (c.ownership !== 'public') return '只有公办学校的教师参加交流轮岗';
  if (!EXCHANGE_LEVELS.includes(c.level)) return '只有义务教育学校的教师参加交流轮岗';
  if (c.status !== 'tenured') return '只有在编教师参加交流轮岗';
  if (c.post !== 'teacher') return '只有专任教师参加交流轮岗';
  const served = wholeYears(c.joinedOn, schoolYearStart(schoolYear));
  if (served < years) return `在本校任教${Math.max(served, 0)}年，不满${years}年`;
  return null;
}
export const isEligible = (c: ExchangeCandidate, schoolYear: string, years = DEFAULT_EXCHANGE_YEARS) =>
  eligibilityRefusal(c, schoolYear, years) === null;

export interface ExchangeSchool {
  isRural: boolean;
  designation: SchoolDesignation | null;
}
/** A school whose eligible teachers the 10% counts: a 城镇 (non-rural) school or one designated 优质 that year. */
export const isSendingSchool = (s: ExchangeSchool) => !s.isRural || s.designation === 'quality';

/** The direction of an exchange from one school to another: 城→乡 first, else 优质→薄弱, else none (refused). */
export function exchangeDirection(from: ExchangeSchool, to: ExchangeSchool): ExchangeDirection | null {
  if (!from.isRural && to.isRural) return 'urban_rural';
  if (from.designation === 'quality' && to.designation === 'weak') return 'strong_weak';
  return null;
}

/** 交流轮岗比例 = teachers exchanged ÷ eligible teachers of 城镇 and 优质 schools; null without eligible teachers. */
export const exchangeRate = (exchanged: number, eligible: number): number | null => (eligible > 0 ? exchanged / eligible : null);
/** 骨干教师比例 = backbone teachers among those exchanged ÷ teachers exchanged; null when nobody exchanged. */
export const backboneShare = (backbone: number, exchanged: number): number | null => (exchanged > 0 ? backbone / exchanged : null);
/** The two ratios against the notice: red when below 10% or 20% (null: no data, not red). */
export const exchangeBelow = (rate: number | null, share: number | null) => ({
  rate: rate !== null && rate < EXCHANGE_MIN_SHARE,
  backbone: share !== null && share < EXCHANGE_BACKBONE_SHARE,
});
/** Teachers to exchange for the 10%: ⌈10% × eligible⌉. */
export const exchangeNeeded = (eligible: number): number => Math.ceil(eligible * EXCHANGE_MIN_SHARE - 1e-9);

/** An exchange record's standing on a day: planned before its start, under way for its term, then completed. */
export function exchangeStatusOn(startOn: string, termYears: number, today: string): ExchangeRecordStatus {
  if (today < startOn) return 'planned';
  const end = `${Number(startOn.slice(0, 4)) + termYears}${startOn.slice(4)}`;
  return today < end ? 'under_way' : 'returned';
}

export { EXCHANGE_PLAN_WORKFLOW } from './exchange-workflow.ts';
export const ExchangePlanStatus = z.enum(EXCHANGE_PLAN_WORKFLOW.states);
export type ExchangePlanStatus = z.infer<typeof ExchangePlanStatus>;
export const EXCHANGE_PLAN_STATUS_LABELS = stateLabels(EXCHANGE_PLAN_WORKFLOW, 'zh');
export const ExchangePlanAction = stepEnum(EXCHANGE_PLAN_WORKFLOW);
export type ExchangePlanAction = z.infer<typeof ExchangePlanAction>;
/** The states in which the county may still change its plan and its records. */
export const EXCHANGE_EDITABLE: readonly ExchangePlanStatus[] = ['draft', 'returned'];
export const exchangePlanCase = (r: { status: ExchangePlanStatus; submittedBy: string | null }) => ({
  state: r.status,
  submittedBy: r.submittedBy,
});

/** The school years a plan may be made for (the seed's years and the next ones). */
export const ExchangeYear = SchoolYear.refine((v) => v >= '2015-2016' && v <= '2030-2031', { message: '学年应在2015-2016至2030-2031之间' });

const Planned = z
  .number({ message: '请填写计划交流人数' })
  .int({ message: '计划交流人数应为整数' })
  .min(0, { message: '计划交流人数不能为负数' })
  .max(10_000, { message: '计划交流人数不能超过10000' });

export const ExchangePlanInput = z
  .object({ unitCode: DivisionCode, schoolYear: ExchangeYear, plannedCount: Planned, note: textField(500, '说明').optional() })
  .strict();
export type ExchangePlanInput = z.infer<typeof ExchangePlanInput>;
export const ExchangePlanUpdate = z
  .object({ id: RecordId, expectedVersion: RecordVersion, plannedCount: Planned, note: textField(500, '说明').optional() })
  .strict();

export const ExchangeRecordInput = z
  .object({
    planId: RecordId,
    expectedVersion: RecordVersion,
    staffId: RecordId,
    toSchoolId: SchoolRef,
    backbone: z.boolean({ message: '请选择是否骨干教师' }),
    startOn: IsoDate,
    termYears: z
      .number({ message: '请填写交流年限' })
      .int({ message: '交流年限应为整数' })
      .min(1, { message: '交流年限至少1年' })
      .max(MAX_EXCHANGE_TERM, { message: `交流年限不能超过${MAX_EXCHANGE_TERM}年` }),
  })
  .strict();
export type ExchangeRecordInput = z.infer<typeof ExchangeRecordInput>;
export const ExchangeRecordRemove = z.object({ planId: RecordId, expectedVersion: RecordVersion, recordId: RecordId }).strict();

/** The start of an exchange lies within its plan's school year. */
export function startRefusal(startOn: string, schoolYear: string): string | null {
  const from = schoolYearStart(schoolYear);
  const until = `${Number(schoolYear.slice(5))}-08-31`;
  return startOn < from || startOn > until ? `交流开始日期应在${schoolYear}学年内（${from}至${until}）` : null;
}

export const DesignationInput = z
  .object({
    schoolId: SchoolRef,
    schoolYear: ExchangeYear,
    designation: SchoolDesignation.nullable(),
  })
  .strict();

const SettingsVersion = z.number({ message: '版本号无效' }).int().min(0).max(MAX_RECORD_ID);
export const ExchangeYearsInput = z
  .object({
    exchangeYears: z
      .number({ message: '请填写任教年限' })
      .int({ message: '任教年限应为整数' })
      .min(1, { message: '任教年限至少1年' })
      .max(20, { message: '任教年限不能超过20年' }),
    expectedVersion: SettingsVersion,
  })
  .strict();
