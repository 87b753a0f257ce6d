import { z } from 'zod';

/** True when y-m-d is a real Gregorian calendar date (leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** The years a date of the platform can be in: birth dates of staff to the end of any plan. */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2100;

/** True for a 'YYYY-MM-DD' string naming a real date between 1900-01-01 and 2100-12-31 (0000-01-01 is not one). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  return year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR && isRealDate(year, Number(m[2]), Number(m[3]));
}

/** A calendar date as 'YYYY-MM-DD'. ISO strings of real dates compare correctly as strings. */
export const IsoDate = z
  .string({ error: '日期应为字符串' })
  .refine(isIsoDate, { message: '日期应为有效的 YYYY-MM-DD 格式' })
  .meta({ format: 'date' });

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
