import { z } from 'zod';
import { isIsoDate } from './date.ts';

/**
 * The bounds every input of the platform keeps, so that a value the database cannot hold never reaches it (a 500)
 * and a value no one could mean is refused on its field (security.md §5.1, the bad-input corpus).
 */

/** Record ids are PostgreSQL `integer`/`serial`: 1 … 2³¹−1. */
export const MAX_RECORD_ID = 2 ** 31 - 1;
/** A record id: a positive whole number below 2³¹. */
export const RecordId = z
  .number({ message: '记录编号应为数字' })
  .int({ message: '记录编号应为整数' })
  .positive({ message: '记录编号应为正整数' })
  .max(MAX_RECORD_ID, { message: '记录编号超出范围' });

/** A school picked in a form: a record id whose message says to pick one. */
export const SchoolRef = z
  .number({ message: '请选择学校' })
  .int({ message: '请选择学校' })
  .positive({ message: '请选择学校' })
  .max(MAX_RECORD_ID, { message: '学校编号超出范围' });

/** A record's version for optimistic locking: like an id, a positive integer column. */
export const RecordVersion = z
  .number({ message: '缺少记录版本，请刷新后重试' })
  .int({ message: '缺少记录版本，请刷新后重试' })
  .positive({ message: '缺少记录版本，请刷新后重试' })
  .max(MAX_RECORD_ID, { message: '记录版本无效，请刷新后重试' });

/** The years a plan, a report or any date of the platform can be in. */
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;
export const PlanYear = z
  .number({ message: '年度应为数字' })
  .int({ message: '年度应为整数' })
  .min(MIN_PLAN_YEAR, { message: `年度不能早于${MIN_PLAN_YEAR}年` })
  .max(MAX_PLAN_YEAR, { message: `年度不能晚于${MAX_PLAN_YEAR}年` });

/** A reporting period: a calendar month 'YYYY-MM' within the plan years (0000-01 and 9999-12 are not months anyone reports on). */
export function isReportPeriod(value: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  return m !== null && Number(m[1]) >= MIN_PLAN_YEAR && Number(m[1]) <= MAX_PLAN_YEAR;
}
export const ReportPeriod = z
  .string({ message: '报告期应为 YYYY-MM 格式的月份' })
  .refine(isReportPeriod, { message: '报告期应为 YYYY-MM 格式的月份' })
  .meta({ format: 'year-month' });

/** True for an instant with its offset (ISO 8601) on a real date between 1900 and 2100. */
export function isDateTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isIsoDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}
/** An instant (ISO 8601 with offset) within 1900–2100; `message` says what the field wants. */
export const dateTimeField = (message = '时间应为有效的日期时间（1900–2100年）') =>
  z.string({ message }).refine(isDateTime, { message }).meta({ format: 'date-time' });
export const DateTime = dateTimeField();

/**
 * How many entries a list in one request may hold. A task has one milestone per month at most over a plan year
 * and a few more for its follow-up: 24 is twice that. Other lists are bounded by what exists (13 hazard
 * categories, the county units, the departments) with room to spare.
 */
export const MAX_MILESTONES_PER_TASK = 24;
/** Co-owning departments, KPIs, modules … on one record. */
export const MAX_LIST_ENTRIES = 50;
