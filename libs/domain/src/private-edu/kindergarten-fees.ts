import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { textField } from '../text.ts';
import { SchoolYear, schoolYearOf, startYearOf } from './census.ts';
import { recognisedOn, type PuhuiRecord } from './puhui.ts';

/**
 * 保教费收费记录 (docs/domain/private-education.md): per private kindergarten, school year and term, the monthly
 * 保教费 actually charged, in fen. A kindergarten recognised as 普惠 on the term's first day is held to the fee cap of
 * that recognition: a fee above it is 超出普惠收费上限.
 */

export const KindergartenTerm = z.enum(['autumn', 'spring'], { message: '请选择学期' });
export type KindergartenTerm = z.infer<typeof KindergartenTerm>;
export const KINDERGARTEN_TERM_LABELS: Record<KindergartenTerm, { zh: string; en: string }> = {
  autumn: { zh: '秋季学期', en: 'Autumn term' },
  spring: { zh: '春季学期', en: 'Spring term' },
};

/** The day a term's fee is judged on: 1 September of the school year's start (autumn), 1 March of its end (spring). */
export const termStart = (schoolYear: string, term: KindergartenTerm): string =>
  term === 'autumn' ? `${startYearOf(schoolYear)}-09-01` : `${startYearOf(schoolYear) + 1}-03-01`;

/** The school year a date falls in (from 1 September), and the one before: the years a fee is recorded for. */
export function feeYearsOn(date: string): [string, string] {
  const y = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return [schoolYearOf(start), schoolYearOf(start - 1)];
}

/** The fee cap of the recognition in force on `date` for each kindergarten recognised then. */
export function puhuiCapsAt(records: readonly (PuhuiRecord & { feeCap: number | null })[], date: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of records) if (r.feeCap !== null && recognisedOn(r, date)) out.set(r.schoolId, r.feeCap);
  return out;
}

/** 超出普惠收费上限: a fee above the cap of a recognition in force (no cap: not 普惠 then, nothing to exceed). */
export const feeOverCap = (feeCharged: number, cap: number | null | undefined): boolean =>
  cap !== null && cap !== undefined && feeCharged > cap;

/** Why a school cannot have fee records (not a private kindergarten), or null. */
export function feeRecordRefusal(school: { level: string; ownership: string }): string | null {
  return school.level === 'kindergarten' && school.ownership === 'private' ? null : '只有民办幼儿园登记保教费收费记录';
}

/** Who records fees: the kindergarten itself or its county bureau (the city reads them). */
export const FEE_RECORDERS = ['school', 'county'] as const;

const feeCharged = z
  .number({ message: '请填写每月实收保教费' })
  .int({ message: '每月实收保教费应以分计的整数' })
  .min(1, { message: '每月实收保教费应大于0' })
  .max(100_000_000, { message: '每月实收保教费过大' });

/** A new fee record: the kindergarten, the school year and term, the monthly fee charged (fen). */
export const KindergartenFeeInput = z
  .object({ schoolId: SchoolRef, schoolYear: SchoolYear, term: KindergartenTerm, feeCharged, note: textField(500, '说明').optional() })
  .strict();
export type KindergartenFeeInput = z.infer<typeof KindergartenFeeInput>;

/** A correction of a fee record, guarded by its version. */
export const KindergartenFeeUpdate = z
  .object({ id: RecordId, expectedVersion: RecordVersion, feeCharged, note: textField(500, '说明').optional() })
  .strict();
export type KindergartenFeeUpdate = z.infer<typeof KindergartenFeeUpdate>;
