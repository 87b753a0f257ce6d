import { z } from 'zod';

/**
 * A school term (学期) as 'YYYY-YYYY-N': the school year and 1 (autumn, from September) or 2 (spring, from February).
 * Safety profiles are kept per term (docs/domain/safety.md “per school per 学期”).
 */
export const Term = z
  .string()
  .regex(/^\d{4}-\d{4}-[12]$/, { message: '学期应为“2022-2023-1”格式' })
  .refine((t) => Number(t.slice(5, 9)) === Number(t.slice(0, 4)) + 1, { message: '学年的两个年份应相连，如 2022-2023' });
export type Term = z.infer<typeof Term>;

/** The term a Beijing date falls in: September–January → the autumn term, February–August → the spring term. */
export function termOf(date: string): Term {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 9) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}

/** '2022-2023学年第一学期'. */
export const termLabel = (term: Term): string => `${term.slice(0, 9)}学年第${term.endsWith('1') ? '一' : '二'}学期`;

/** The term before, for the term picker (2022-2023-1 → 2021-2022-2). */
export function previousTerm(term: Term): Term {
  const start = Number(term.slice(0, 4));
  return term.endsWith('2') ? `${start}-${start + 1}-1` : `${start - 1}-${start}-2`;
}

/** First day of a term (autumn 1 September, spring 1 February, as termOf splits the year). */
export const termStart = (term: Term): string => (term.endsWith('1') ? `${term.slice(0, 4)}-09-01` : `${term.slice(5, 9)}-02-01`);

/**
 * Days from the start of a term by which every school's 4个100% report for it is due and verified by its county. The
 * seed (“推进中小学幼儿园安全防范建设‘4个100%’”) sets no reporting window: 30 days is the bureau's own figure.
 */
export const TERM_REPORTING_DAYS = 30;

/** The first day a term's reports count (its start + TERM_REPORTING_DAYS). */
export function termCountsFrom(term: Term): string {
  const d = new Date(`${termStart(term)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + TERM_REPORTING_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * The term whose reports the 4个100% figures count on `today`: the current term once its reporting window has closed,
 * before that the previous term (so the first few reports of a new term do not stand for the whole city).
 */
export function countedTerm(today: string): Term {
  const current = termOf(today);
  return today >= termCountsFrom(current) ? current : previousTerm(current);
}
