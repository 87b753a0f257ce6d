import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { startYearOf } from './census.ts';
import { approvingAuthority } from './inspection.ts';
import { PUHUI_WORKFLOW } from './puhui-workflow.ts';

export { PUHUI_WORKFLOW } from './puhui-workflow.ts';

/**
 * 普惠性民办园认定 (docs/domain/private-education.md): a private kindergarten applies to be recognised as 普惠性
 * (inclusive: a capped 保教费 against a per-child subsidy). Its county reviews — for a kindergarten the approving
 * authority is always the county (`approvingAuthority('kindergarten')`) — and recognises it (the fee cap per month,
 * the annual subsidy per child, valid from a date) or refuses with a reason; a recognised one may be revoked (撤销) with
 * a reason and the date it ends. Money is integer fen.
 */

/**
 * The bureau's own figures (configuration, not from the province's notice or the seed): the subsidy per child and year
 * and the monthly 保教费 ceiling a recognition takes unless the county enters other amounts on the recognition.
 */
export const PUHUI_DEFAULT_SUBSIDY_FEN = 60_000;
export const PUHUI_FEE_CEILING_FEN = 80_000;

/** Only a kindergarten can be recognised. */
export const PUHUI_LEVEL = 'kindergarten' as const;
/** Who recognises: a kindergarten's approving authority, the county. */
export const PUHUI_AUTHORITY = approvingAuthority(PUHUI_LEVEL);

export const PuhuiStatus = z.enum(PUHUI_WORKFLOW.states);
export type PuhuiStatus = z.infer<typeof PuhuiStatus>;
export const PUHUI_STATUS_LABELS = stateLabels(PUHUI_WORKFLOW, 'zh');
export const PuhuiAction = stepEnum(PUHUI_WORKFLOW);
export type PuhuiAction = z.infer<typeof PuhuiAction>;
/** The steps of `privateEdu.puhui.step`; 认定 has its own procedure (the amounts). */
export const PuhuiPlainAction = stepEnum(PUHUI_WORKFLOW, ['recognise']);

/** An amount in fen: a whole number, at most 1,000,000 yuan. */
const fen = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应以分计的整数` })
    .min(1, { message: `${label}应大于0` })
    .max(100_000_000, { message: `${label}过大` });

/** What the kindergarten applies with: its monthly 保教费 asked, in fen. */
export const PuhuiInput = z.object({ schoolId: SchoolRef, feeAsked: fen('每月保教费'), note: textField(1000, '说明').optional() }).strict();
export type PuhuiInput = z.infer<typeof PuhuiInput>;

/** 认定: the fee cap and subsidy (the bureau's defaults unless entered) and the date it counts from. */
export const PuhuiRecognition = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    feeCap: fen('收费上限').optional(),
    subsidy: fen('生均补助').optional(),
    validFrom: IsoDate,
  })
  .strict();
export type PuhuiRecognition = z.infer<typeof PuhuiRecognition>;

/** The amounts a recognition takes: the entered ones, else the bureau's defaults. */
export const recognitionAmounts = (a: { feeCap?: number; subsidy?: number }) => ({
  feeCap: a.feeCap ?? PUHUI_FEE_CEILING_FEN,
  subsidy: a.subsidy ?? PUHUI_DEFAULT_SUBSIDY_FEN,
});

/** Why a kindergarten cannot apply (not a kindergarten, not private), or null. */
export function puhuiApplyRefusal(school: { level: string; ownership: string }): string | null {
  if (school.level !== PUHUI_LEVEL) return '只有幼儿园可以申请普惠性民办园认定';
  if (school.ownership !== 'private') return '只有民办幼儿园可以申请普惠性民办园认定';
  return null;
}

/** Why a revocation date is refused (before the recognition counts, or later than today), or null. */
export function revocationRefusal(validFrom: string | null, revokedOn: string, today: string): string | null {
  if (validFrom && revokedOn < validFrom) return '撤销日期不能早于认定生效日期';
  if (revokedOn > today) return '撤销日期不能晚于今天';
  return null;
}

export const puhuiCase = (r: { status: PuhuiStatus; submittedBy: string | null }) => ({ state: r.status, submittedBy: r.submittedBy });

/** The date a 学年初 census counts on: 1 September of its start year. */
export const censusDate = (schoolYear: string) => `${startYearOf(schoolYear)}-09-01`;

/**
 * The kindergartens recognised on `date`: a recognition (or a later revocation of it) with `validFrom` on or before the
 * date, not revoked on or before it.
 */
export function puhuiAt(records: readonly PuhuiRecord[], date: string): Set<number> {
  return new Set(records.filter((r) => recognisedOn(r, date)).map((r) => r.schoolId));
}

/** What `puhuiAt` reads of a recognition case. */
export interface PuhuiRecord {
  schoolId: number;
  status: PuhuiStatus;
  validFrom: string | null;
  revokedOn: string | null;
}

/** Whether one case makes its kindergarten 普惠 on `date` (see `puhuiAt`). */
export function recognisedOn(r: PuhuiRecord, date: string): boolean {
  if (r.status !== 'recognised' && r.status !== 'revoked') return false;
  if (!r.validFrom || r.validFrom > date) return false;
  return !(r.status === 'revoked' && (!r.revokedOn || r.revokedOn <= date));
}

/** 普惠覆盖率 = (公办 + 普惠民办 在园) ÷ all 在园; null without children. */
export function puhuiCoverage(c: { publicChildren: number; puhuiChildren: number; allChildren: number }): number | null {
  if (c.allChildren <= 0) return null;
  return (c.publicChildren + c.puhuiChildren) / c.allChildren;
}
