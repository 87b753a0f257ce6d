import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { LICENCE_WORKFLOW } from './licence-workflow.ts';
import { profileRefusal } from './registry.ts';

export { LICENCE_WORKFLOW } from './licence-workflow.ts';

/**
 * 办学许可事项 (docs/domain/private-education.md): a private school's 办学许可证 is issued by its approving authority
 * (`approvingAuthority`: the county for kindergartens and compulsory schools, the city for 高中阶段 and 局直 schools).
 * Each matter — 设立, 变更, 延续, 注销 — is a case: the school applies, the authority accepts it (受理) and reviews it,
 * may return it with a reason, and approves (issuing the number and validity for 设立/延续) or refuses with a reason.
 */
export const LicenceKind = z.enum(['establish', 'change', 'renew', 'cancel'], { message: '请选择许可事项' });
export type LicenceKind = z.infer<typeof LicenceKind>;
export const LICENCE_KIND_LABELS: Record<LicenceKind, { zh: string; en: string }> = {
  establish: { zh: '设立', en: 'Establishment' },
  change: { zh: '变更', en: 'Change' },
  renew: { zh: '延续', en: 'Renewal' },
  cancel: { zh: '注销', en: 'Cancellation' },
};
/** The kinds whose approval issues a validity (and, for 设立, the number). */
export const VALIDITY_KINDS: readonly LicenceKind[] = ['establish', 'renew'];

/** 分类登记: 营利性 or 非营利性. */
export const LicenceCategory = z.enum(['for_profit', 'non_profit'], { message: '请选择分类登记类别' });
export type LicenceCategory = z.infer<typeof LicenceCategory>;
export const LICENCE_CATEGORY_LABELS: Record<LicenceCategory, { zh: string; en: string }> = {
  for_profit: { zh: '营利性', en: 'For-profit' },
  non_profit: { zh: '非营利性', en: 'Non-profit' },
};

export const LicenceStatus = z.enum(LICENCE_WORKFLOW.states);
export type LicenceStatus = z.infer<typeof LicenceStatus>;
export const LICENCE_STATUS_LABELS = stateLabels(LICENCE_WORKFLOW, 'zh');
export const LicenceAction = stepEnum(LICENCE_WORKFLOW);
export type LicenceAction = z.infer<typeof LicenceAction>;
/** The steps without inputs of their own (`privateEdu.licences.step`); 批准 has its own procedure. */
export const LicencePlainAction = stepEnum(LICENCE_WORKFLOW, ['approve']);

const LicenceNo = textField(40, '办学许可证号').pipe(z.string().min(4, { message: '办学许可证号至少4个字符' }));

/** What the school applies with. */
export const LicenceInput = z
  .object({
    schoolId: SchoolRef,
    kind: LicenceKind,
    registration: LicenceCategory,
    licenceNo: LicenceNo.optional(),
    alteration: textField(1000, '变更事项').optional(),
    note: textField(1000, '说明').optional(),
  })
  .strict();
export type LicenceInput = z.infer<typeof LicenceInput>;

/** Why an application is refused (the kind's required fields, and no 营利 school teaching compulsory grades), or null. */
export function licenceRefusal(
  input: Pick<LicenceInput, 'kind' | 'registration' | 'licenceNo' | 'alteration'>,
  teachesCompulsory: boolean,
): { field: string; message: string } | null {
  const profit = profileRefusal({ forProfit: input.registration === 'for_profit' }, teachesCompulsory);
  if (profit) return { field: 'registration', message: profit.message };
  if (input.kind !== 'establish' && !input.licenceNo) return { field: 'licenceNo', message: '请填写现有办学许可证号' };
  if (input.kind === 'establish' && input.licenceNo) return { field: 'licenceNo', message: '设立申请的许可证号在批准时核发，申请时不填写' };
  if (input.kind === 'change' && (input.alteration ?? '').length < 4)
    return { field: 'alteration', message: '请写明变更事项（至少4个字）' };
  return null;
}

/** 批准: the number (issued for 设立) and the validity end (for 设立 and 延续). */
export const LicenceApproval = z
  .object({ id: RecordId, expectedVersion: RecordVersion, licenceNo: LicenceNo.optional(), validUntil: IsoDate.optional() })
  .strict();
export type LicenceApproval = z.infer<typeof LicenceApproval>;
export function approvalRefusal(
  kind: LicenceKind,
  a: Pick<LicenceApproval, 'licenceNo' | 'validUntil'>,
  today: string,
): { field: string; message: string } | null {
  if (kind === 'establish' && !a.licenceNo) return { field: 'licenceNo', message: '请填写核发的办学许可证号' };
  if (VALIDITY_KINDS.includes(kind)) {
    if (!a.validUntil) return { field: 'validUntil', message: '请填写许可证有效期至' };
    if (a.validUntil <= today) return { field: 'validUntil', message: '有效期至应晚于今天' };
  } else if (a.validUntil) return { field: 'validUntil', message: '变更和注销不改变有效期' };
  if (kind !== 'establish' && a.licenceNo) return { field: 'licenceNo', message: '只有设立时核发许可证号' };
  return null;
}

/** The record as its workflow sees it. */
/**
 * What an approved matter changes in the school's registry entry (民办学校登记): 设立 sets the issued licence number and
 * the 分类登记; 变更 the 分类登记 (and the number, if the change reissued it); 延续 and 注销 change neither (the case keeps
 * the new validity, and the cancellation).
 */
export function registryChange(c: {
  kind: LicenceKind;
  registration: LicenceCategory;
  licenceNo: string | null;
}): { licenceNo?: string; forProfit: boolean } | null {
  if (c.kind === 'renew' || c.kind === 'cancel') return null;
  return { ...(c.licenceNo ? { licenceNo: c.licenceNo } : {}), forProfit: c.registration === 'for_profit' };
}

export const licenceCase = (r: { status: LicenceStatus; submittedBy: string | null }) => ({ state: r.status, submittedBy: r.submittedBy });

/** How many days before its end a licence counts as expiring (configurable here). */
export const LICENCE_EXPIRY_WARNING_DAYS = 90;
export type LicenceStanding = 'valid' | 'expiring' | 'expired' | 'renewing' | 'cancelled';
export const LICENCE_STANDING_LABELS: Record<LicenceStanding, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
  renewing: { zh: '延续办理中', en: 'Renewal under way' },
  cancelled: { zh: '已注销', en: 'Cancelled' },
};
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A school's licence from its cases: the validity of the latest approved 设立/延续; expiring within
 * `LICENCE_EXPIRY_WARNING_DAYS` (or expired) unless a 延续 case after it is open or approved; cancelled once a 注销 is approved.
 * Null when the school has no issued licence on record.
 */
export function licenceStanding(
  cases: readonly { id: number; kind: LicenceKind; status: LicenceStatus; validUntil: string | null }[],
  today: string,
  warningDays = LICENCE_EXPIRY_WARNING_DAYS,
): { standing: LicenceStanding; validUntil: string } | null {
  const issued = cases
    .filter((c) => c.status === 'approved' && VALIDITY_KINDS.includes(c.kind) && c.validUntil)
    .sort((a, b) => b.id - a.id)[0];
  if (!issued) return null;
  const validUntil = issued.validUntil!;
  if (cases.some((c) => c.kind === 'cancel' && c.status === 'approved')) return { standing: 'cancelled', validUntil };
  const renewing = cases.some((c) => c.kind === 'renew' && c.id > issued.id && c.status !== 'refused');
  if (validUntil > addDays(today, warningDays)) return { standing: 'valid', validUntil };
  if (renewing) return { standing: 'renewing', validUntil };
  return { standing: validUntil < today ? 'expired' : 'expiring', validUntil };
}
