import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { DivisionCode } from '../org.ts';
import { textField } from '../text.ts';
import { stepEnum, type ActorLevel } from '../workflow/workflow.ts';
import { AID_CHECK_WORKFLOW } from './aid-check-workflow.ts';
import { AidSemester } from './aid.ts';

export { AID_CHECK_WORKFLOW } from './aid-check-workflow.ts';

/**
 * 资助抽查 (docs/domain/funding.md, *Student aid as built*): a random but reproducible sample of a semester's payments of
 * a county or one school, a result per sampled payment, and the case workflow `AID_CHECK_WORKFLOW`.
 */

/** The sample's size: at least 1, at most 200 payments (a check is read through by hand); 20 by default. */
export const AID_CHECK_SAMPLE = { min: 1, max: 200, default: 20 } as const;

/** What a check finds per sampled payment. */
export const AidCheckVerdict = z.enum(['confirmed', 'refuted'], { message: '请选择核查结果' });
export type AidCheckVerdict = z.infer<typeof AidCheckVerdict>;
export const AID_CHECK_VERDICT_LABELS: Record<AidCheckVerdict, { zh: string; en: string }> = {
  confirmed: { zh: '属实', en: 'Confirmed' },
  refuted: { zh: '不属实', en: 'Not confirmed' },
};

/** The problem of a payment found 不属实. */
export const AidCheckProblem = z.enum(['ineligible', 'duplicate', 'wrong_amount', 'not_received', 'other'], {
  message: '请选择存在问题',
});
export type AidCheckProblem = z.infer<typeof AidCheckProblem>;
export const AID_CHECK_PROBLEM_LABELS: Record<AidCheckProblem, { zh: string; en: string }> = {
  ineligible: { zh: '不符合资助条件', en: 'Not eligible' },
  duplicate: { zh: '重复享受', en: 'Aided twice' },
  wrong_amount: { zh: '金额不符', en: 'Wrong amount' },
  not_received: { zh: '资金未到账', en: 'Not received' },
  other: { zh: '其他问题', en: 'Other' },
};

/** Who draws a check: the city aid centre, or a county (for its own schools). */
export const AidCheckerLevel = z.enum(['county', 'city']);
export type AidCheckerLevel = z.infer<typeof AidCheckerLevel>;

export const AidCheckStatus = z.enum(AID_CHECK_WORKFLOW.states, { message: '请选择抽查状态' });
export type AidCheckStatus = z.infer<typeof AidCheckStatus>;

/** A check drawn: the semester, the county, optionally one school of it, and the sample's size. */
export const AidCheckCreateInput = z
  .object({
    semester: AidSemester,
    unitCode: DivisionCode,
    schoolId: SchoolRef.optional(),
    size: z
      .number({ message: '请填写抽查人数' })
      .int({ message: '抽查人数应为整数' })
      .min(AID_CHECK_SAMPLE.min, { message: `抽查人数至少${AID_CHECK_SAMPLE.min}人` })
      .max(AID_CHECK_SAMPLE.max, { message: `抽查人数最多${AID_CHECK_SAMPLE.max}人` }),
  })
  .strict();
export type AidCheckCreateInput = z.infer<typeof AidCheckCreateInput>;

/** One sampled payment's result: 不属实 names its problem (and 其他 says which in the note); 属实 has none. */
export const AidCheckResult = z
  .object({
    itemId: RecordId,
    verdict: AidCheckVerdict,
    problem: AidCheckProblem.optional(),
    note: textField(200, '核查说明').optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.verdict === 'refuted' && !r.problem) ctx.addIssue({ code: 'custom', path: ['problem'], message: '不属实的须选择存在问题' });
    if (r.verdict === 'confirmed' && r.problem) ctx.addIssue({ code: 'custom', path: ['problem'], message: '属实的不填存在问题' });
    if (r.problem === 'other' && !r.note?.trim())
      ctx.addIssue({ code: 'custom', path: ['note'], message: '存在问题为“其他问题”时须填写核查说明' });
  });
export type AidCheckResult = z.infer<typeof AidCheckResult>;

/** Results entered on a check (any number of its sampled payments at once), guarded by the check's version. */
export const AidCheckResultsInput = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    results: z
      .array(AidCheckResult, { message: '请登记核查结果' })
      .min(1, { message: '请至少登记一条核查结果' })
      .max(AID_CHECK_SAMPLE.max, { message: `一次最多登记${AID_CHECK_SAMPLE.max}条核查结果` }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const ids = v.results.map((r) => r.itemId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['results'], message: '核查结果中有重复的抽查对象' });
  });
export type AidCheckResultsInput = z.infer<typeof AidCheckResultsInput>;

/** A step of a check; 提交整改情况 carries its text. */
export const AidCheckStepInput = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    action: stepEnum(AID_CHECK_WORKFLOW),
    reason: textField(200, '原因').optional(),
    rectification: textField(500, '整改情况').optional(),
  })
  .strict();
export type AidCheckStepInput = z.infer<typeof AidCheckStepInput>;

/**
 * The sample: `size` distinct payment ids drawn from `population` by a seeded shuffle (mulberry32 over the ids in
 * ascending order, a partial Fisher–Yates), so the same ids and seed draw the same sample — the seed is stored with the
 * check. Fewer ids than the size: all of them.
 */
export function drawSample(population: readonly number[], size: number, seed: number): number[] {
  const ids = [...new Set(population)].sort((a, b) => a - b);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = Math.min(Math.max(0, Math.floor(size)), ids.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, n);
}

/** The check's tally: sampled, recorded, 不属实. */
export function checkTally(items: readonly { verdict: AidCheckVerdict | null }[]) {
  const recorded = items.filter((i) => i.verdict !== null).length;
  const refuted = items.filter((i) => i.verdict === 'refuted').length;
  return { sampled: items.length, recorded, refuted };
}

/** The record as the workflow sees it: whether every result is in, all 属实, any 不属实 (the steps' `needs`). */
export function checkCase(status: AidCheckStatus, tally: { sampled: number; recorded: number; refuted: number }) {
  const done = tally.sampled > 0 && tally.recorded === tally.sampled;
  return {
    state: status,
    fields: {
      recorded: done || null,
      allConfirmed: (done && tally.refuted === 0) || null,
      anyRefuted: (done && tally.refuted > 0) || null,
    },
  };
}

const CHECKER_STEPS: readonly string[] = ['conclude', 'demand', 'reject', 'close'];
/**
 * The check's own side rule beside the workflow's levels: the level that drew the check (its checker) records the
 * results and takes the checker's steps; 整改 is reported by the checked side — never by the checker.
 */
export function checkSideRefusal(action: string, checker: ActorLevel, actor: ActorLevel): string | null {
  if (CHECKER_STEPS.includes(action) && actor !== checker)
    return checker === 'city' ? '该抽查由市学生资助管理中心办理' : '该抽查由组织抽查的县市区办理';
  if (action === 'rectify' && actor === checker) return '整改情况由被抽查单位提交';
  return null;
}
/** Whether `actor` may enter results on a check now: the checker, while 抽查中. */
export function resultsRefusal(status: AidCheckStatus, checker: ActorLevel, actor: ActorLevel): string | null {
  if (actor !== checker) return checker === 'city' ? '核查结果由市学生资助管理中心登记' : '核查结果由组织抽查的县市区登记';
  if (status !== 'checking') return `资助抽查当前为“${AID_CHECK_WORKFLOW.stateLabels[status].zh}”，不能再修改核查结果`;
  return null;
}

/**
 * Whose turn a check is, for the check at hand (the declaration's `turn` names every level that may be either side): the
 * checker while 抽查中 and once 已整改; the checked side while 待整改 — a city check's county (or school), a county
 * check's school.
 */
export function checkTurn(checker: AidCheckerLevel): Record<AidCheckStatus, readonly ActorLevel[]> {
  return {
    checking: [checker],
    rectifying: checker === 'city' ? ['county', 'school'] : ['school'],
    rectified: [checker],
    closed: [],
  };
}
