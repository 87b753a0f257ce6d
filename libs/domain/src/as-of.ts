import { beijingDate } from './plan/tasks.ts';

/**
 * The business “today” (as-of date) every figure is computed for: the real Beijing date in production, a fixed date in
 * the demo so the 2022 plan is shown against records of its own year, not against the calendar of whoever looks at it.
 */
export const DEMO_AS_OF = '2022-11-30';

/** The as-of date: the configured one when set, else the Beijing date of `now`. */
export const businessDate = (now: Date, asOf?: string | null): string => asOf ?? beijingDate(now);

/** 「数据截至 2022年11月30日」: the one labelled as-of line on the dashboard and KPI pages. */
export function asOfLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `数据截至 ${y}年${m}月${d}日`;
}
