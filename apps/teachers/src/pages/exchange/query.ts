import { ExchangePlanStatus, SchoolDesignation } from '@hyedu/domain/teachers';
import { among, defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The school years the pages offer (the demo's two and the next). */
export const EXCHANGE_YEARS = ['2023-2024', '2022-2023', '2021-2022'] as const;
export const CURRENT_EXCHANGE_YEAR = '2022-2023';

/** The plans list's filters in the URL: `?unit=&year=&status=&page=`. */
export const plansQuery = defineListQuery({
  unitCode: unit(),
  schoolYear: among(EXCHANGE_YEARS, 'year'),
  status: oneOf(ExchangePlanStatus),
});

/** The designations list's filters: `?unit=&year=&designation=&q=&page=` (the year defaults to the current one). */
export const designationsQuery = defineListQuery({
  unitCode: unit(),
  schoolYear: among(EXCHANGE_YEARS, 'year'),
  designation: oneOf(SchoolDesignation),
  q: text(),
});
