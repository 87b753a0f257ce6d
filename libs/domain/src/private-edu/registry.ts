import { z } from 'zod';
import { SchoolRef } from '../bounds.ts';
import { textField } from '../text.ts';
import { Uscc } from '../uscc.ts';
import { GcmType } from './conversion.ts';

/**
 * A private school's registry entry (民办学校登记信息) beside its row in the school registry: licence, USCC, sponsor,
 * profit status, 公参民 flag and type, party organisation, and the approved intake (核定招生计划).
 * Private compulsory schools cannot be 营利 (民办教育促进法, 2016 amendment).
 */
export const PartyOrg = z.enum(['own', 'joint', 'instructor', 'none'], { message: '请选择党组织情况' });
export type PartyOrg = z.infer<typeof PartyOrg>;
export const PARTY_ORG_LABELS: Record<PartyOrg, { zh: string; en: string }> = {
  own: { zh: '单独建立党组织', en: 'Own party organisation' },
  joint: { zh: '联合建立党组织', en: 'Joint party organisation' },
  instructor: { zh: '选派党建指导员', en: 'Party instructor assigned' },
  none: { zh: '尚未覆盖', en: 'Not covered' },
};
/** Party-organisation coverage counts every form but `none`. */
export const isPartyCovered = (p: PartyOrg) => p !== 'none';

export const PrivateProfileInput = z
  .object({
    schoolId: SchoolRef,
    licenceNo: textField(40, '办学许可证号').pipe(z.string().min(4, { message: '请填写办学许可证号' })),
    uscc: Uscc,
    sponsor: textField(100, '举办者').pipe(z.string().min(2, { message: '请填写举办者' })),
    forProfit: z.boolean({ message: '请选择营利性质' }),
    gcmType: GcmType.nullable(),
    partyOrg: PartyOrg,
    approvedIntake: z
      .number({ message: '核定招生计划应为数字' })
      .int({ message: '核定招生计划应为整数' })
      .min(0, { message: '核定招生计划不能为负数' })
      .max(10_000, { message: '核定招生计划不能超过10000' }),
  })
  .strict();
export type PrivateProfileInput = z.infer<typeof PrivateProfileInput>;

/** Why a profile is refused for a school of these levels (营利 and compulsory), or null. */
export function profileRefusal(p: { forProfit: boolean }, teachesCompulsory: boolean): { field: string; message: string } | null {
  if (p.forProfit && teachesCompulsory) return { field: 'forProfit', message: '实施义务教育的民办学校不得设立为营利性学校' };
  return null;
}
