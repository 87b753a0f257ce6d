import { PAY_YEARS, PayYear, RectificationStatus } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, unit, type Param } from '@hyedu/web';

/** A year in the URL (`?year=2022`); anything else is no year. */
const year: Param<number> = {
  param: 'year',
  read: (raw) => (raw && /^\d{4}$/.test(raw) ? PayYear.safeParse(Number(raw)).data : undefined),
};
/** The comparison's year when the URL names none: the latest. */
export const LATEST_PAY_YEAR = PAY_YEARS.at(-1)!;
export const readYear = (raw: unknown) => (typeof raw === 'string' ? year.read(raw) : undefined) ?? LATEST_PAY_YEAR;

/** The 督查整改 list's filters as they live in the URL: `?year=&unit=&status=&page=`. */
export const rectificationQuery = defineListQuery({ year, unitCode: unit(), status: oneOf(RectificationStatus) });
