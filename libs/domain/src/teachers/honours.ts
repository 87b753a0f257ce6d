import { z } from 'zod';
import { PlanYear, RecordId } from '../bounds.ts';
import { DivisionCode } from '../org.ts';
import { requiredText } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { NOMINATION_WORKFLOW } from './honours-workflow.ts';

export { NOMINATION_WORKFLOW };

/**
 * 表彰 (优秀教师, 优秀班主任, 教书育人楷模 …): the city opens an honour round with a quota of nominations per county; each
 * county nominates teachers in post at its schools (the city for 局直 schools), within its quota; the city approves or
 * refuses each (`NOMINATION_WORKFLOW`). A nomination passes the entry gate (`gateRefusal`, kind `nomination`): no
 * standing 黑名单 entry in any county, and no 师德 record barring it (`ethicsBars`).
 */

export const HonourLevel = z.enum(['city', 'county'], { message: '请选择表彰级别' });
export type HonourLevel = z.infer<typeof HonourLevel>;
export const HONOUR_LEVEL_LABELS: Record<HonourLevel, { zh: string; en: string }> = {
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};
/** The usual honours (the form suggests them; a round may name another). */
export const HONOUR_NAMES = ['优秀教师', '优秀班主任', '优秀教育工作者', '教书育人楷模'] as const;

export const HonourQuota = z
  .number({ message: '名额应为数字' })
  .int({ message: '名额应为整数' })
  .min(0, { message: '名额不能为负数' })
  .max(500, { message: '名额不能超过500' });

/** 表彰评选: its name, year, level and the nominations each county may make. */
export const HonourRoundInput = z
  .object({
    name: requiredText(30, '表彰名称', 2),
    year: PlanYear,
    level: HonourLevel,
    quotas: z
      .array(z.object({ unitCode: DivisionCode, quota: HonourQuota }).strict(), { message: '请填写各县市区名额' })
      .min(1, { message: '请填写各县市区名额' })
      .max(50, { message: '名额分配过多' }),
  })
  .strict();
export type HonourRoundInput = z.infer<typeof HonourRoundInput>;

/** A round that cannot be opened: a county named twice. */
export function roundRefusal(r: Pick<HonourRoundInput, 'quotas'>): { field: string; message: string } | null {
  const seen = new Set<string>();
  for (const q of r.quotas) {
    if (seen.has(q.unitCode)) return { field: 'quotas', message: `名额分配中${q.unitCode}重复` };
    seen.add(q.unitCode);
  }
  return null;
}

/** 推荐: a teacher in post, with the deeds the nomination rests on. */
export const NominationInput = z.object({ roundId: RecordId, staffId: RecordId, deeds: requiredText(2000, '主要事迹', 10) }).strict();
export type NominationInput = z.infer<typeof NominationInput>;

export const NominationStatus = z.enum(NOMINATION_WORKFLOW.states, { message: '请选择状态' });
export type NominationStatus = z.infer<typeof NominationStatus>;
export const NOMINATION_STATUS_LABELS = stateLabels(NOMINATION_WORKFLOW, 'zh');
export const NominationAction = stepEnum(NOMINATION_WORKFLOW);
export type NominationAction = z.infer<typeof NominationAction>;
/** The nominations that count against the county's quota: all but those withdrawn. */
export const NOMINATION_COUNTED: readonly NominationStatus[] = ['nominated', 'approved', 'refused'];

export const nominationCase = (r: { status: NominationStatus; createdBy: string }) => ({ state: r.status, submittedBy: r.createdBy });

/**
 * Why a nomination cannot be made (before the gate): the teacher is not in post, is already nominated in this round,
 * or the county's quota is used up (withdrawn nominations free their place; a refused one does not).
 */
export function nominationRefusal(n: {
  inPost: boolean;
  already: boolean;
  quota: number | null;
  counted: number;
}): { field: string; message: string } | null {
  if (!n.inPost) return { field: 'staffId', message: '该教师不在岗，不能推荐' };
  if (n.already) return { field: 'staffId', message: '该教师已在本次评选中被推荐' };
  if (n.quota === null || n.quota === 0) return { field: 'roundId', message: '本次评选未给该县市区分配名额' };
  if (n.counted >= n.quota) return { field: 'roundId', message: `推荐人数已达名额（${n.quota}名），不能再推荐` };
  return null;
}
