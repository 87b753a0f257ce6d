import { z } from 'zod';
import { RecordVersion as ExpectedVersion, RecordId, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { textField } from '../text.ts';
import { defineWorkflow, stateLabels, stepEnum } from '../workflow/workflow.ts';
import { firstCensusAfter, SchoolYear } from './census.ts';
import { afterReduction, shareOf, type ShareCounts } from './share.ts';

/**
 * The levers that lower the private share, per school (seed item 5; docs/domain/private-education.md): 转为公办,
 * 政府购买学位, 转设为非义务教育, 终止办学, 招生计划压减. Whole-school levers take all of the school's compulsory pupils out
 * of the private count; the others take the number entered.
 */
export const LeverKind = z.enum(['to_public', 'purchase', 'to_non_compulsory', 'terminate', 'reduce_plan'], { message: '请选择调减方式' });
export type LeverKind = z.infer<typeof LeverKind>;
export const LEVER_LABELS: Record<LeverKind, { zh: string; en: string }> = {
  to_public: { zh: '转为公办', en: 'Converted to public' },
  purchase: { zh: '政府购买学位', en: 'Seats bought by the government' },
  to_non_compulsory: { zh: '转设为非义务教育', en: 'Re-registered outside compulsory education' },
  terminate: { zh: '终止办学', en: 'Closed' },
  reduce_plan: { zh: '招生计划压减', en: 'Intake plan reduced' },
};
/** Levers that move every compulsory pupil of the school out of the private count. */
export const WHOLE_SCHOOL_LEVERS: readonly LeverKind[] = ['to_public', 'to_non_compulsory', 'terminate'];
export const isWholeSchool = (kind: LeverKind) => WHOLE_SCHOOL_LEVERS.includes(kind);

/** A lever is planned, then done (on a date, which fixes the census it first shows in) or dropped with a reason. */
export const LEVER_WORKFLOW = defineWorkflow({
  key: 'privateEdu.lever',
  noun: { zh: '调减措施', en: 'lever' },
  states: ['planned', 'done', 'dropped'],
  stateLabels: {
    planned: { zh: '计划中', en: 'Planned' },
    done: { zh: '已完成', en: 'Done' },
    dropped: { zh: '已取消', en: 'Dropped' },
  },
  initial: 'planned',
  turn: { planned: ['county'], done: [], dropped: [] },
  steps: {
    complete: {
      label: { zh: '确认完成', en: 'Mark done' },
      from: ['planned'],
      to: 'done',
      by: ['county', 'city'],
    },
    drop: { label: { zh: '取消', en: 'Drop' }, from: ['planned'], to: 'dropped', by: ['county', 'city'], reason: true, corrective: true },
  },
});
export const LeverStatus = z.enum(LEVER_WORKFLOW.states);
export type LeverStatus = z.infer<typeof LeverStatus>;
export const LEVER_STATUS_LABELS = stateLabels(LEVER_WORKFLOW, 'zh');
export const LeverAction = stepEnum(LEVER_WORKFLOW);
export type LeverAction = z.infer<typeof LeverAction>;

/** What a county enters for a lever: the school, the kind, the census it should first show in, and for partial levers the pupils. */
export const LeverInput = z
  .object({
    schoolId: SchoolRef,
    kind: LeverKind,
    plannedYear: SchoolYear,
    students: z
      .number({ message: '影响的在校生数应为数字' })
      .int({ message: '影响的在校生数应为整数' })
      .min(1, { message: '影响的在校生数至少为1' })
      .max(20_000, { message: '影响的在校生数不能超过20000' })
      .optional(),
    note: textField(500, '说明').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!isWholeSchool(v.kind) && v.students === undefined)
      ctx.addIssue({ code: 'custom', path: ['students'], message: `“${LEVER_LABELS[v.kind].zh}”请填写影响的在校生数` });
  });
export type LeverInput = z.infer<typeof LeverInput>;

/** A lever's step: 确认完成 with its date, 取消 with a reason. */
export const LeverStepInput = z
  .object({
    id: RecordId,
    expectedVersion: ExpectedVersion,
    action: LeverAction,
    doneOn: IsoDate.optional(),
    reason: textField(500, '原因').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === 'complete' && !v.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: '请填写完成日期' });
  });

/**
 * The pupils a lever takes out of the private count: the school's compulsory pupils for a whole-school lever, the
 * number entered (at most the school's) for the others. A purchase moves nothing when bought seats still count as private.
 */
export function leverEffect(
  lever: { kind: LeverKind; students: number | null },
  schoolCompulsory: number,
  purchasedCountAs: 'public' | 'private',
): number {
  if (isWholeSchool(lever.kind)) return schoolCompulsory;
  if (lever.kind === 'purchase' && purchasedCountAs === 'private') return 0;
  return Math.min(schoolCompulsory, lever.students ?? 0);
}

/** The census a lever first shows in: its completion date's, or for a planned one the year it was planned for. */
export function leverCensus(lever: { status: LeverStatus; plannedYear: string; doneOn: string | null }): string | null {
  if (lever.status === 'dropped') return null;
  if (lever.status === 'done' && lever.doneOn) return firstCensusAfter(lever.doneOn);
  return lever.plannedYear;
}

export interface ProjectedLever {
  status: LeverStatus;
  plannedYear: string;
  doneOn: string | null;
  effect: number;
}

/**
 * The share projected beyond a census: the census counts less the effect of every lever (done or planned) that the
 * census does not yet show. Each school counts once, with its largest effect (a school bought from, then converted).
 */
export function projectedCounts(census: ShareCounts, censusYear: string, levers: Iterable<ProjectedLever & { schoolId: number }>) {
  const bySchool = new Map<number, number>();
  const done = new Map<number, number>();
  for (const l of levers) {
    const at = leverCensus(l);
    if (at === null || at <= censusYear) continue;
    bySchool.set(l.schoolId, Math.max(bySchool.get(l.schoolId) ?? 0, l.effect));
    if (l.status === 'done') done.set(l.schoolId, Math.max(done.get(l.schoolId) ?? 0, l.effect));
  }
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const withDone = afterReduction(census, sum(done));
  const withAll = afterReduction(census, sum(bySchool));
  return { done: withDone, all: withAll, doneShare: shareOf(withDone), projectedShare: shareOf(withAll) };
}

/** The record as its workflow sees it. */
export const leverCase = (r: { status: LeverStatus }) => ({ state: r.status });
