import { z } from 'zod';
import type { Ownership, SchoolLevel } from '../school.ts';

/**
 * 编制统筹配置 (seed item 19: “加大中小学教师编制统筹配置力度”), docs/domain/teachers.md “Staffing against the standard”.
 * Two comparisons, both shown: 核定编制 against the standard (教职工 : 学生 per stage), and 在编 against 核定编制 per school
 * and county — over-quota schools, vacancies, and 编外 teachers (特岗, 合同制, 代课) kept where posts stand vacant.
 */

/** The stages the standard distinguishes. */
export type StaffingStage = 'primary' | 'junior' | 'senior';
/**
 * Students per member of staff (教职工, not teachers only), 中央编办 2014 城乡统一 standard (docs/domain/teachers.md; unverified
 * here, so configurable): 1 : 19 primary, 1 : 13.5 junior, 1 : 12.5 senior.
 */
export const DEFAULT_STAFFING_STANDARD: Readonly<Record<StaffingStage, number>> = { primary: 19, junior: 13.5, senior: 12.5 };

/** The grade prefix of each stage in the enrolment's grade codes (P1–P6, J1–J3, S1–S3). */
export const STAGE_GRADE_PREFIX: Readonly<Record<StaffingStage, 'P' | 'J' | 'S'>> = { primary: 'P', junior: 'J', senior: 'S' };

/** The levels the standard applies to (中小学): not kindergartens, vocational or special schools, which have their own. */
export const STANDARD_LEVELS: readonly SchoolLevel[] = ['primary', 'junior', 'senior', 'nine_year', 'complete_middle'];

/** Whether a school is measured against its quota: a public 中小学 (a private school has no 编制). */
export const quotaMeasured = (s: { ownership: Ownership; level: SchoolLevel }): boolean =>
  s.ownership === 'public' && STANDARD_LEVELS.includes(s.level);

/** The staff the standard allows for these students: Σ students of a stage ÷ its ratio, rounded up per stage. */
export function standardStaff(
  students: Partial<Record<StaffingStage, number>>,
  standard: Readonly<Record<StaffingStage, number>> = DEFAULT_STAFFING_STANDARD,
): number {
  return (Object.keys(standard) as StaffingStage[]).reduce((n, s) => n + Math.ceil((students[s] ?? 0) / standard[s]), 0);
}

/** 在编 against 核定编制 for one school: how far over, how many posts vacant, and 编外 teachers kept beside vacancies. */
export function quotaStanding(r: { quota: number; tenured: number; contract: number }): {
  over: number;
  vacancies: number;
  /** The 编外 teachers (特岗, 合同制, 代课) the vacant posts could take: the smaller of vacancies and 编外 teachers. */
  contractBesideVacancies: number;
} {
  const over = Math.max(0, r.tenured - r.quota);
  const vacancies = Math.max(0, r.quota - r.tenured);
  return { over, vacancies, contractBesideVacancies: Math.min(vacancies, r.contract) };
}

/** A city's own standard (the 科室 sets it; a stage left out keeps the default): students per member of staff, 5–40. */
const Ratio = (stage: string) =>
  z
    .number({ message: `${stage}师生比应为数字` })
    .min(5, { message: `${stage}师生比应在1:5到1:40之间` })
    .max(40, { message: `${stage}师生比应在1:5到1:40之间` })
    .multipleOf(0.5, { message: `${stage}师生比精确到0.5` });
export const StaffingStandard = z.object({ primary: Ratio('小学'), junior: Ratio('初中'), senior: Ratio('高中') }).strict();
export type StaffingStandard = z.infer<typeof StaffingStandard>;

/** The standard in force: the stored override over the default. */
export const resolveStandard = (stored: Partial<StaffingStandard> | null | undefined): StaffingStandard => ({
  ...DEFAULT_STAFFING_STANDARD,
  ...stored,
});

/** How a school stands against its quota, as a list filters it. */
export const QuotaStandingFilter = z.enum(['over', 'vacant', 'beside', 'below_standard'], { message: '请选择编制情况' });
export type QuotaStandingFilter = z.infer<typeof QuotaStandingFilter>;
export const QUOTA_STANDING_LABELS: Record<QuotaStandingFilter, { zh: string; en: string }> = {
  over: { zh: '超编', en: 'Over quota' },
  vacant: { zh: '有空编', en: 'Vacant posts' },
  beside: { zh: '有空编仍用编外教师', en: 'Outside-quota teachers beside vacant posts' },
  below_standard: { zh: '核定编制低于标准', en: 'Quota below the standard' },
};
