import { z } from 'zod';
import { RecordId } from '../bounds.ts';
import { Grade, gradeLabel, GRADES_BY_LEVEL, isCompulsoryGrade, SCHOOL_LEVEL_LABELS, type SchoolLevel } from '../school.ts';
import { SchoolYear } from './census.ts';
import { censusDate } from './puhui.ts';

/**
 * One school in one 学年初 census, as a county or the city enters it (the census import): the school's ownership that
 * year, the compulsory seats the government bought there and its pupils per grade (a grade left empty is not taught).
 * Importing a year replaces that year's figures of the schools in the file, never another year's.
 */
/** More pupils than this in one grade of one school is a typing error (the largest schools have a few thousand). */
export const MAX_PUPILS_PER_GRADE = 20_000;
const Pupils = z
  .number({ message: '在校生数应为不小于0的整数' })
  .int({ message: '在校生数应为不小于0的整数' })
  .min(0, { message: '在校生数应为不小于0的整数' })
  .max(MAX_PUPILS_PER_GRADE, { message: `一个年级的在校生数不能超过${MAX_PUPILS_PER_GRADE}人，请核对` });
const gradeFields = Object.fromEntries(Grade.options.map((g) => [g, Pupils.optional()])) as Record<Grade, z.ZodOptional<typeof Pupils>>;

export const CensusRowInput = z.object({
  schoolId: RecordId,
  schoolYear: SchoolYear,
  ownership: z.enum(['public', 'private'], { message: '请填写“公办”或“民办”' }),
  purchasedSeats: z
    .number({ message: '政府购买学位数应为不小于0的整数' })
    .int({ message: '政府购买学位数应为不小于0的整数' })
    .min(0, { message: '政府购买学位数应为不小于0的整数' })
    .optional(),
  ...gradeFields,
});
export type CensusRowInput = z.infer<typeof CensusRowInput>;

/** The grades a row fills, with their pupils, in the domain's grade order. */
export const censusGrades = (row: CensusRowInput): [Grade, number][] =>
  Grade.options.flatMap((g) => (row[g] === undefined ? [] : [[g, row[g]] as [Grade, number]]));

/** The row's compulsory pupils: its 小学 and 初中 grades added up (what the census row stores beside the grades). */
export const compulsoryPupilsOf = (row: CensusRowInput): number =>
  censusGrades(row).reduce((n, [g, p]) => (isCompulsoryGrade(g) ? n + p : n), 0);

/**
 * What is wrong with one school's census row that its schema cannot see: a grade the school's level does not teach
 * (`GRADES_BY_LEVEL`), no grade at all, bought seats at a public school or more than its compulsory pupils, and a
 * census whose date (1 September) is still ahead. Field names are the row's keys.
 */
export function censusRowRefusals(row: CensusRowInput, level: SchoolLevel, today: string): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (censusDate(row.schoolYear) > today)
    out.push({ field: 'schoolYear', message: `${row.schoolYear}学年的学年初统计（${censusDate(row.schoolYear)}）尚未开始` });
  const taught = GRADES_BY_LEVEL[level];
  const filled = censusGrades(row);
  for (const [g] of filled)
    if (!taught.includes(g)) out.push({ field: g, message: `${SCHOOL_LEVEL_LABELS[level]}不设${gradeLabel(g)}，请留空` });
  if (filled.length === 0) out.push({ field: taught[0]!, message: '至少填写一个年级的在校生数' });
  const bought = row.purchasedSeats ?? 0;
  if (bought > 0 && row.ownership === 'public') out.push({ field: 'purchasedSeats', message: '公办学校没有政府购买学位，请留空或填0' });
  const compulsory = compulsoryPupilsOf(row);
  if (bought > compulsory) out.push({ field: 'purchasedSeats', message: `政府购买学位数不能超过该校义务教育在校生数（${compulsory}）` });
  return out;
}
