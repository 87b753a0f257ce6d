import { z } from 'zod';
import { RecordVersion } from '../bounds.ts';
import { DivisionCode } from '../org.ts';
import { SchoolYear } from '../private-edu/census.ts';
import { textField } from '../text.ts';

/**
 * 随迁子女 (进城务工人员随迁子女, seed item 11: “保障随迁子女义务教育公办学校就读需求”; docs/domain/funding.md, *Migrant
 * children*): per county and 学年, the migrant children in compulsory education, those in public schools and those in
 * seats the government bought in private schools. The share in public schools counts bought seats as public (两为主:
 * 流入地政府为主、公办学校为主). The platform keeps no per-child flag: a county enters its figures once a year.
 */
export const MAX_MIGRANT_CHILDREN = 1_000_000;
const count = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(MAX_MIGRANT_CHILDREN, { message: `${label}不能超过${MAX_MIGRANT_CHILDREN}` });

export const MigrantInput = z
  .object({
    unitCode: DivisionCode,
    schoolYear: SchoolYear,
    /** 0: no figures yet for this county and year; otherwise the version the caller saw. */
    expectedVersion: z.union([z.literal(0), RecordVersion], { message: '缺少记录版本，请刷新后重试' }),
    total: count('随迁子女总数'),
    publicSchools: count('公办学校就读人数'),
    purchased: count('政府购买学位就读人数'),
    note: textField(500, '说明').optional(),
  })
  .strict();
export type MigrantInput = z.infer<typeof MigrantInput>;
export type MigrantFigures = Pick<MigrantInput, 'total' | 'publicSchools' | 'purchased'>;

/** Public-school and bought seats together cannot exceed the children counted. */
export function migrantRefusal(f: MigrantFigures): { field: string; message: string } | null {
  if (f.publicSchools + f.purchased > f.total)
    return { field: 'publicSchools', message: '公办学校与政府购买学位就读人数之和不能超过随迁子女总数' };
  return null;
}

/** The share in public schools, bought seats included: (公办 + 购买学位) ÷ 总数; null without children (no data, never 0%). */
export const migrantShare = (f: MigrantFigures): number | null => (f.total === 0 ? null : (f.publicSchools + f.purchased) / f.total);

/** The 学年 a date falls in: from 1 September ('2022-11-30' → '2022-2023'). */
export function schoolYearOn(date: string): string {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= '09-01' ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
