import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { SchoolYear } from '../private-edu/census.ts';
import { requiredText, textField } from '../text.ts';
import { AdmissionQuery } from './gate.ts';
import { SUPPORT_NEED_WORKFLOW } from './support-workflow.ts';

export { SUPPORT_NEED_WORKFLOW };

/**
 * 支教 (seed item 18, plan task 18.2 “精准选派受援学校急需的支教教师”): a receiving school (受援学校) states a need — the
 * school year, the subject, the 学段, how many teachers and for which period — and the county (or the city, across
 * counties) dispatches teachers in post at other schools to it. Each dispatch is an entry of a person into a school:
 * it passes the entry gate (`gateRefusal`, kind `support`: a recent clear 准入查询 and no standing 黑名单 entry).
 */

export const SupportStage = z.enum(['preschool', 'primary', 'junior', 'senior'], { message: '请选择学段' });
export type SupportStage = z.infer<typeof SupportStage>;
export const SUPPORT_STAGE_LABELS: Record<SupportStage, { zh: string; en: string }> = {
  preschool: { zh: '学前', en: 'Pre-school' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
};

/** The most teachers one need may ask for (a school asks subject by subject). */
export const MAX_SUPPORT_NEED = 50;
export const NeedCount = z
  .number({ message: '需求人数应为数字' })
  .int({ message: '需求人数应为整数' })
  .min(1, { message: '需求人数至少为1' })
  .max(MAX_SUPPORT_NEED, { message: `需求人数不能超过${MAX_SUPPORT_NEED}` });

const NeedFields = z.object({
  schoolYear: SchoolYear,
  subject: requiredText(20, '学科'),
  schoolStage: SupportStage,
  needed: NeedCount,
  startsOn: IsoDate,
  endsOn: IsoDate,
  note: textField(500, '备注').optional(),
});

/** 支教需求: a receiving school's stated need. */
export const SupportNeedInput = NeedFields.extend({ schoolId: SchoolRef }).strict();
export type SupportNeedInput = z.infer<typeof SupportNeedInput>;
/** A correction of a need (its school stays). */
export const SupportNeedUpdate = NeedFields.extend({ id: RecordId, expectedVersion: RecordVersion }).strict();
export type SupportNeedUpdate = z.infer<typeof SupportNeedUpdate>;

type Refusal = { field: string; message: string } | null;

/**
 * A need that cannot be recorded: a period that ends before it starts or lies outside its school year (1 Sep – 31 Aug),
 * or — on a correction — fewer teachers than are already dispatched to it.
 */
export function needRefusal(n: Pick<SupportNeedInput, 'schoolYear' | 'startsOn' | 'endsOn' | 'needed'>, dispatched = 0): Refusal {
  if (n.endsOn <= n.startsOn) return { field: 'endsOn', message: '结束日期应晚于开始日期' };
  const first = `${n.schoolYear.slice(0, 4)}-09-01`;
  const last = `${n.schoolYear.slice(5)}-08-31`;
  if (n.startsOn < first || n.endsOn > last)
    return { field: 'startsOn', message: `支教期间应在${n.schoolYear}学年内（${first}至${last}）` };
  if (n.needed < dispatched) return { field: 'needed', message: `已派遣${dispatched}人，需求人数不能少于已派遣人数` };
  return null;
}

/** 满足率 of a need: teachers dispatched ÷ teachers needed (0–1; a need of 0 does not exist). */
export const needFill = (dispatched: number, needed: number): number => (needed > 0 ? Math.min(dispatched / needed, 1) : 0);

/** Whether a need still awaits teachers (the county's 待办). */
export const needOpen = (dispatched: number, needed: number) => dispatched < needed;

/**
 * 派遣: a teacher in post at another school sent to a need, for a period within the need's, with the 准入查询; the
 * need's version as the caller saw it (a dispatch moves it on, so two dispatches racing for the last place end in one
 * CONFLICT).
 */
export const DispatchInput = z
  .object({
    needId: RecordId,
    expectedVersion: RecordVersion,
    staffId: RecordId,
    startsOn: IsoDate,
    endsOn: IsoDate,
    query: AdmissionQuery.optional(),
    note: textField(500, '备注').optional(),
  })
  .strict();
export type DispatchInput = z.infer<typeof DispatchInput>;

/**
 * Why a dispatch cannot be made (before the gate): the teacher is not in post, or in post at the receiving school
 * itself; the need is already filled; the period is not within the need's; the teacher is already dispatched over
 * part of it.
 */
export function dispatchRefusal(d: {
  need: { schoolId: number; needed: number; startsOn: string; endsOn: string };
  dispatched: number;
  teacher: { inPost: boolean; schoolId: number };
  startsOn: string;
  endsOn: string;
  overlapping?: boolean;
}): Refusal {
  if (!d.teacher.inPost) return { field: 'staffId', message: '该教师不在岗，不能派遣支教' };
  if (d.teacher.schoolId === d.need.schoolId) return { field: 'staffId', message: '受援学校就是该教师所在学校，不能派遣' };
  if (d.dispatched >= d.need.needed) return { field: 'needId', message: `该需求已派满（需${d.need.needed}人）` };
  if (d.endsOn <= d.startsOn) return { field: 'endsOn', message: '结束日期应晚于开始日期' };
  if (d.startsOn < d.need.startsOn || d.endsOn > d.need.endsOn)
    return { field: 'startsOn', message: `派遣期间应在需求期间内（${d.need.startsOn}至${d.need.endsOn}）` };
  if (d.overlapping) return { field: 'staffId', message: '该教师在此期间已有支教派遣' };
  return null;
}
