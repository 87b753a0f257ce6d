import { FiscalYear, SpendingStatus } from '@hyedu/domain/funding';
import { defineListQuery, oneOf, unit, type Param } from '@hyedu/web';

/** A 决算 year from the URL (`?year=2021`); anything else is no filter. */
const fiscalYear = (): Param<number> => ({ param: 'year', read: (raw) => (raw ? FiscalYear.safeParse(Number(raw)).data : undefined) });

/** The list's filters as they live in the URL: `?unit=&year=&status=&page=`. */
export const spendingQuery = defineListQuery({ unitCode: unit(), fiscalYear: fiscalYear(), status: oneOf(SpendingStatus) });
