import { z } from 'zod';

/**
 * 学年初统计: the enrolment census taken at the start of each school year ('2020-2021' is the census of autumn 2020,
 * the “end-2020” figures of the province's notice). Numerator and denominator of every share come from the same
 * census. A change that takes effect by 31 August of a year (a school converted, a lever done) first shows in that
 * autumn's census; a later one in the next year's.
 */
export const SchoolYear = z
  .string({ message: '学年应为“2021-2022”格式' })
  .regex(/^(19|20)\d{2}-(19|20)\d{2}$/, { message: '学年应为“2021-2022”格式' })
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, { message: '学年的后一年应比前一年大1' });
export type SchoolYear = z.infer<typeof SchoolYear>;

/** The last day (MM-DD) on which a change still shows in that year's 学年初 census. */
export const CENSUS_CUTOFF = '08-31';

export const schoolYearOf = (startYear: number): string => `${startYear}-${startYear + 1}`;
export const startYearOf = (schoolYear: string): number => Number(schoolYear.slice(0, 4));

/** The first census that reflects a change taking effect on `date` (YYYY-MM-DD). */
export function firstCensusAfter(date: string): string {
  const year = Number(date.slice(0, 4));
  return schoolYearOf(date.slice(5) <= CENSUS_CUTOFF ? year : year + 1);
}

/** Census years from `first` to `last`, inclusive, in order. */
export function censusYears(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = startYearOf(first); y <= startYearOf(last); y++) out.push(schoolYearOf(y));
  return out;
}
