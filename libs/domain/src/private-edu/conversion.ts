import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import type { SchoolLevel } from '../school.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { CONVERSION_WORKFLOW } from './conversion-workflow.ts';

export { CONVERSION_WORKFLOW } from './conversion-workflow.ts';

/**
 * 公参民 conversion cases (seed item 5: “6月底前将‘公参民’学校全部转为公办，同时做好‘公参民’学校教师安置等有关工作”;
 * docs/domain/private-education.md). The county records the school (摸底), drafts its plan (县级方案), the city reviews it
 * (市级审核, or returns it with a reason), the county carries it out (资产/债务, 更名, 法人, 学生安置) and every affected
 * teacher is placed, the case is 完成 and the city accepts it (市级验收).
 */

/** The 2021 eight-ministry notice's three types. */
export const GcmType = z.enum(['sole', 'with_government', 'with_private'], { message: '请选择公参民类型' });
export type GcmType = z.infer<typeof GcmType>;
export const GCM_TYPE_LABELS: Record<GcmType, { zh: string; en: string }> = {
  sole: { zh: '公办学校单独举办', en: 'Run by a public school alone' },
  with_government: { zh: '与地方政府及相关机构合作举办', en: 'Run with the local government' },
  with_private: { zh: '与社会组织或个人合作举办', en: 'Run with a private partner' },
};

/** How the case is disposed of. Types 1 and 2 must become public (应办为公办). */
export const GcmDisposal = z.enum(['to_public', 'withdraw', 'terminate', 'purchase'], { message: '请选择处置方式' });
export type GcmDisposal = z.infer<typeof GcmDisposal>;
export const GCM_DISPOSAL_LABELS: Record<GcmDisposal, { zh: string; en: string }> = {
  to_public: { zh: '转为公办', en: 'Convert to public' },
  withdraw: { zh: '公办学校退出，继续民办', en: 'Public school withdraws, stays private' },
  terminate: { zh: '终止办学', en: 'Close' },
  purchase: { zh: '政府购买学位', en: 'Government buys the seats' },
};
/** The disposals a type allows: the first two types 应办为公办. */
export function disposalsFor(type: GcmType): readonly GcmDisposal[] {
  return type === 'with_private' ? GcmDisposal.options : ['to_public'];
}

/** The implementation checklist (实施): each item is ticked with its date. */
export const GcmTask = z.enum(['assets', 'rename', 'legalPerson', 'students'], { message: '请选择实施事项' });
export type GcmTask = z.infer<typeof GcmTask>;
export const GCM_TASK_LABELS: Record<GcmTask, { zh: string; en: string }> = {
  assets: { zh: '资产与债务清理', en: 'Assets and debts settled' },
  rename: { zh: '学校更名', en: 'School renamed' },
  legalPerson: { zh: '法人变更登记', en: 'Legal person re-registered' },
  students: { zh: '学生安置', en: 'Pupils placed' },
};

export const ConversionStatus = z.enum(CONVERSION_WORKFLOW.states);
export type ConversionStatus = z.infer<typeof ConversionStatus>;
export const CONVERSION_STATUS_LABELS = stateLabels(CONVERSION_WORKFLOW, 'zh');
export const ConversionAction = stepEnum(CONVERSION_WORKFLOW);
export type ConversionAction = z.infer<typeof ConversionAction>;
/** States in which the school has been converted (if the disposal was 转为公办). */
export const CONVERSION_DONE_STATES: readonly ConversionStatus[] = ['completed', 'accepted'];

/** What the county records at 摸底: the school, its type, and (when known) the disposal and the plan. */
export const ConversionInput = z
  .object({
    schoolId: SchoolRef,
    type: GcmType,
    publicPartner: textField(100, '参与举办的公办学校').pipe(z.string().min(2, { message: '请填写参与举办的公办学校' })),
    disposal: GcmDisposal.optional(),
    plan: textField(2000, '县级方案').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.disposal && !disposalsFor(v.type).includes(v.disposal))
      ctx.addIssue({ code: 'custom', path: ['disposal'], message: `“${GCM_TYPE_LABELS[v.type].zh}”的学校应转为公办` });
  });
export type ConversionInput = z.infer<typeof ConversionInput>;

/** The plan as the county edits it before submitting. */
export const ConversionPlanInput = z
  .object({ disposal: GcmDisposal, plan: textField(2000, '县级方案').pipe(z.string().min(10, { message: '县级方案至少写10个字' })) })
  .strict();

/** Ticking an implementation item with its date. */
export const ConversionTaskInput = z.object({ task: GcmTask, doneOn: IsoDate }).strict();

/** The record column each checklist item's date is kept in. */
export const GCM_TASK_COLUMNS = {
  assets: 'assetsOn',
  rename: 'renameOn',
  legalPerson: 'legalPersonOn',
  students: 'studentsOn',
} as const satisfies Record<GcmTask, string>;

/** How many checklist items of a record are ticked. */
export const tasksDoneOf = (r: Record<(typeof GCM_TASK_COLUMNS)[GcmTask], string | null>): number =>
  GcmTask.options.filter((k) => r[GCM_TASK_COLUMNS[k]] !== null).length;

/** The schools a 公参民 case can be about: 民办 schools teaching compulsory grades. */
export const GCM_SCHOOL_LEVELS: readonly SchoolLevel[] = ['primary', 'junior', 'nine_year'];

/** Placement of an affected teacher (教师安置): by 编制 status, how and where, and when. */
export const StaffStatus = z.enum(['in_quota', 'contract'], { message: '请选择编制情况' });
export type StaffStatus = z.infer<typeof StaffStatus>;
export const STAFF_STATUS_LABELS: Record<StaffStatus, { zh: string; en: string }> = {
  in_quota: { zh: '在编', en: 'On the establishment' },
  contract: { zh: '非在编（聘用）', en: 'Contract' },
};
export const Placement = z.enum(['stays_converted', 'returns_public', 'other_public', 'recruited', 'leaves'], {
  message: '请选择安置方式',
});
export type Placement = z.infer<typeof Placement>;
export const PLACEMENT_LABELS: Record<Placement, { zh: string; en: string }> = {
  stays_converted: { zh: '随校转入公办', en: 'Stays with the converted school' },
  returns_public: { zh: '回原公办学校', en: 'Returns to the public school' },
  other_public: { zh: '调配到其他公办学校', en: 'Placed in another public school' },
  recruited: { zh: '公开招聘入编', en: 'Recruited onto the establishment' },
  leaves: { zh: '解除聘用（依法补偿）', en: 'Contract ended (compensated)' },
};

/** A teacher placement as recorded; the ID number is stored encrypted and looked up by its blind index only. */
export const TeacherPlacementInput = z
  .object({
    caseId: RecordId,
    name: textField(40, '姓名').pipe(z.string().min(2, { message: '请填写姓名' })),
    idNumber: textField(18, '身份证号').pipe(z.string().min(15, { message: '请填写身份证号' })),
    staffStatus: StaffStatus,
    placement: Placement.optional(),
    placedOn: IsoDate.optional(),
    placedAt: textField(100, '安置去向').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.placement && !v.placedOn) ctx.addIssue({ code: 'custom', path: ['placedOn'], message: '请填写安置日期' });
    if (v.placedOn && !v.placement) ctx.addIssue({ code: 'custom', path: ['placement'], message: '请选择安置方式' });
  });

/** Placing a recorded teacher: how, when and where (the teacher row's version for concurrent changes). */
export const TeacherPlaceInput = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    placement: Placement,
    placedOn: IsoDate,
    placedAt: textField(100, '安置去向').optional(),
  })
  .strict();

/** The record as its workflow sees it: the checklist and the placements decide whether it can complete. */
export const conversionCase = (r: {
  status: ConversionStatus;
  submittedBy: string | null;
  disposal: string | null;
  plan: string | null;
  tasksDone: number;
  teachersUnplaced: number;
}) => ({
  state: r.status,
  submittedBy: r.submittedBy,
  fields: {
    disposal: r.disposal,
    plan: r.plan,
    tasksDone: r.tasksDone >= GcmTask.options.length ? true : null,
    teachersPlaced: r.teachersUnplaced === 0 ? true : null,
  },
});

/**
 * Converted (the seed's 转为公办): 完成 reached with the disposal 转为公办. On time: reached by the deadline (2022-06-30).
 * Overdue: the deadline has passed and the case has not reached 完成.
 */
export function conversionStanding(
  r: { status: ConversionStatus; disposal: string | null; completedOn: string | null },
  deadline: string,
  today: string,
): { converted: boolean; onTime: boolean; overdue: boolean } {
  const done = CONVERSION_DONE_STATES.includes(r.status) && r.completedOn !== null;
  const converted = done && r.disposal === 'to_public';
  return {
    converted,
    onTime: converted && r.completedOn! <= deadline,
    overdue: done ? r.completedOn! > deadline : today > deadline,
  };
}
