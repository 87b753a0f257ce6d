import { z } from 'zod';
import { MAX_LIST_ENTRIES, RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { DeptKey } from '../plan/departments.ts';
import type { SchoolLevel } from '../school.ts';
import { textField } from '../text.ts';
import { OpinionVerdict } from '../workflow/opinion.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { INSPECTION_WORKFLOW } from './inspection-workflow.ts';

export { INSPECTION_WORKFLOW, INSPECTION_OPINION_WORKFLOW } from './inspection-workflow.ts';

/**
 * 民办学校年检 (seed item 5, 规范民办学校办学行为; docs/domain/private-education.md). The approving authority runs it:
 * the county for kindergartens and compulsory schools, the city for 高中阶段 schools. The school submits its materials,
 * the authority takes them through 初审 (with 实地查看) and asks the bureau's 科室 for their opinions (内部联审); once every
 * asked 科室 has answered it either issues a 整改通知书 with a deadline — the school answers with its 整改报告 and the
 * authority reviews it (复审) — or goes straight to the 年检结论, a grade on a configurable scale; the conclusion is then
 * published (公示). A failing grade stops the school's enrolment the next year.
 */

/** Who approves (and so inspects) a private school: a function of its level; 局直 schools are the city's. */
export const InspectionAuthority = z.enum(['county', 'city']);
export type InspectionAuthority = z.infer<typeof InspectionAuthority>;
export const CITY_APPROVED_LEVELS: readonly SchoolLevel[] = ['senior', 'complete_middle', 'vocational'];
export function approvingAuthority(level: SchoolLevel, directlyUnderCity = false): InspectionAuthority {
  return directlyUnderCity || CITY_APPROVED_LEVELS.includes(level) ? 'city' : 'county';
}
/** The refusal for a bureau level that is not the school's approving authority, or null. */
export function authorityRefusal(
  actor: 'school' | 'county' | 'city' | 'leadership',
  authority: InspectionAuthority,
  matter = '年检',
): string | null {
  if (actor === 'school' || actor === authority) return null;
  return authority === 'city' ? `该校由市教育局审批，${matter}由市教育局办理` : `该校由县市区教育局审批，${matter}由县市区教育局办理`;
}

export const InspectionStatus = z.enum(INSPECTION_WORKFLOW.states);
export type InspectionStatus = z.infer<typeof InspectionStatus>;
export const INSPECTION_STATUS_LABELS = stateLabels(INSPECTION_WORKFLOW, 'zh');
export const InspectionAction = stepEnum(INSPECTION_WORKFLOW);
export type InspectionAction = z.infer<typeof InspectionAction>;
/** The steps without inputs of their own (`privateEdu.inspections.step`); the others have a procedure each. */
export const InspectionPlainAction = z.enum(['return_materials', 'return_report', 'publish'], { message: '请选择操作' });

/** The grade scale (年检结论): configurable; `failing` grades stop next year's enrolment. */
export interface InspectionGrade {
  key: string;
  zh: string;
  en: string;
  failing: boolean;
}
export const DEFAULT_INSPECTION_GRADES: readonly InspectionGrade[] = [
  { key: 'excellent', zh: '优秀', en: 'Excellent', failing: false },
  { key: 'good', zh: '良好', en: 'Good', failing: false },
  { key: 'pass', zh: '合格', en: 'Pass', failing: false },
  { key: 'fail', zh: '不合格', en: 'Fail', failing: true },
];
/** Another scale in use in Hunan (合格/暂缓通过/不合格): a bureau may configure it instead. */
export const PASS_DEFER_FAIL_GRADES: readonly InspectionGrade[] = [
  { key: 'pass', zh: '合格', en: 'Pass', failing: false },
  { key: 'deferred', zh: '暂缓通过', en: 'Deferred', failing: false },
  { key: 'fail', zh: '不合格', en: 'Fail', failing: true },
];
/** The scales a bureau may choose (城市的 民办教育科 sets it on the ledger page's settings). */
export const InspectionGradeScale = z.enum(['standard', 'pass_defer_fail'], { message: '请选择年检等次' });
export type InspectionGradeScale = z.infer<typeof InspectionGradeScale>;
export const DEFAULT_INSPECTION_GRADE_SCALE: InspectionGradeScale = 'standard';
export const INSPECTION_GRADE_SCALES: Readonly<Record<InspectionGradeScale, readonly InspectionGrade[]>> = {
  standard: DEFAULT_INSPECTION_GRADES,
  pass_defer_fail: PASS_DEFER_FAIL_GRADES,
};
/** A scale's name: its grades in order (优秀/良好/合格/不合格). */
export const gradeScaleLabel = (scale: InspectionGradeScale, lang: 'zh' | 'en' = 'zh') =>
  INSPECTION_GRADE_SCALES[scale].map((g) => g[lang]).join(' / ');
/** Every grade of every scale, once: the label of a grade given under an earlier scale. */
export const ALL_INSPECTION_GRADES: readonly InspectionGrade[] = [
  ...new Map(Object.values(INSPECTION_GRADE_SCALES).flatMap((s) => s.map((g) => [g.key, g] as const))).values(),
];
export const gradeLabel = (key: string | null, lang: 'zh' | 'en' = 'zh') =>
  key === null ? null : (ALL_INSPECTION_GRADES.find((g) => g.key === key)?.[lang] ?? key);

export const gradeOf = (key: string | null, scale: readonly InspectionGrade[] = DEFAULT_INSPECTION_GRADES) =>
  key === null ? null : (scale.find((g) => g.key === key) ?? null);
/** The year a grade given in `year`'s inspection stops the school's enrolment (the next year), or null. */
export function enrolmentStoppedYear(
  grade: string | null,
  year: number,
  scale: readonly InspectionGrade[] = DEFAULT_INSPECTION_GRADES,
): number | null {
  return gradeOf(grade, scale)?.failing ? year + 1 : null;
}

/**
 * The 年检 a business date counts in: each year's inspection is carried out within that calendar year (materials in
 * spring, conclusions by summer; the demo's 2022 round ends with 公示 in July).
 */
export const inspectionYearOf = (today: string) => Number(today.slice(0, 4));
/** A school has taken part in its year's 年检 once it has submitted its materials (every state after 材料待提交). */
export const INSPECTION_TAKEN_PART_STATES: readonly InspectionStatus[] = INSPECTION_WORKFLOW.states.filter((s) => s !== 'materials');
/** A school's 年检 is graded once the authority has given its conclusion. */
export const INSPECTION_GRADED_STATES: readonly InspectionStatus[] = ['concluded', 'published'];

/** 联审 is complete when every asked 科室 has answered (and at least one was asked). */
export const opinionsComplete = (opinions: readonly { verdict: string | null }[]) =>
  opinions.length > 0 && opinions.every((o) => o.verdict !== null);

/** Overdue: the 整改 deadline has passed and the school has not submitted its report. */
export const inspectionOverdue = (r: { status: InspectionStatus; rectifyBy: string | null }, today: string) =>
  r.status === 'rectifying' && r.rectifyBy !== null && r.rectifyBy < today;

const InspectionYear = z
  .number({ message: '年检年度应为数字' })
  .int({ message: '年检年度应为整数' })
  .min(2020, { message: '年检年度不能早于2020年' })
  .max(2100, { message: '年检年度不能晚于2100年' });

/** What the approving authority enters to open a school's inspection (one per school and year). */
export const InspectionInput = z.object({ schoolId: SchoolRef, year: InspectionYear }).strict();
export type InspectionInput = z.infer<typeof InspectionInput>;

const longText = (max: number, label: string, min: number, message: string) => textField(max, label).pipe(z.string().min(min, { message }));
const Versioned = { id: RecordId, expectedVersion: RecordVersion };

/** The school's materials (年检自查报告), submitted with the step 提交年检材料. */
export const InspectionMaterialsInput = z
  .object({ ...Versioned, materials: longText(2000, '年检自查报告', 10, '年检自查报告至少写10个字') })
  .strict();
/** 初审 with 实地查看: the authority's findings and the 科室 asked for their opinions. */
export const InspectionOpinionRequest = z
  .object({
    ...Versioned,
    siteVisit: longText(2000, '初审和实地查看意见', 4, '初审和实地查看意见至少写4个字'),
    departments: z
      .array(DeptKey, { message: '请选择联审科室' })
      .min(1, { message: '至少选择一个联审科室' })
      .max(MAX_LIST_ENTRIES, { message: `联审科室最多${MAX_LIST_ENTRIES}个` })
      .refine((ds) => new Set(ds).size === ds.length, { message: '联审科室不能重复' }),
  })
  .strict();
/** The 整改通知书 with its deadline. */
export const InspectionNoticeInput = z
  .object({ ...Versioned, notice: longText(2000, '整改通知', 4, '整改通知至少写4个字'), rectifyBy: IsoDate })
  .strict();
/** The school's 整改报告. */
export const InspectionReportInput = z.object({ ...Versioned, report: longText(2000, '整改报告', 10, '整改报告至少写10个字') }).strict();
/** The 年检结论: a grade of the scale, and its note. */
export const InspectionConclusionInput = z
  .object({
    ...Versioned,
    grade: textField(20, '年检结论').pipe(z.string().min(1, { message: '请选择年检结论' })),
    conclusion: textField(1000, '结论说明').optional(),
  })
  .strict();
/** A 科室's 联审 opinion. */
export const InspectionOpinionInput = z
  .object({
    id: RecordId,
    verdict: OpinionVerdict,
    comment: longText(1000, '意见内容', 2, '意见内容至少写2个字'),
  })
  .strict();

/** The record as its workflow sees it. */
export const inspectionCase = (r: {
  status: InspectionStatus;
  submittedBy: string | null;
  materials: string | null;
  siteVisit: string | null;
  opinionsComplete: boolean;
}) => ({
  state: r.status,
  submittedBy: r.submittedBy,
  fields: { materials: r.materials, siteVisit: r.siteVisit, opinionsComplete: r.opinionsComplete ? true : null },
});

/** A year as a list's URL carries it (`?year=2022`). */
export const InspectionYearParam = z
  .string()
  .regex(/^20\d{2}$/)
  .transform(Number);
