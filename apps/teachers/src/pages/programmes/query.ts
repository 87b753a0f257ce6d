import { Programme, ProgrammePersonStatus, ProgrammeYearParam as Year } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/** The summary's filter: `?year=` (none: the business date's year). */
export const summaryQuery = defineListQuery({ year: oneOf(Year) });
/** The persons list's filters: `?programme=&year=&unit=&status=&ending=&q=&page=`. */
export const personsQuery = defineListQuery({
  programme: oneOf(Programme),
  year: oneOf(Year),
  unitCode: unit(),
  status: oneOf(ProgrammePersonStatus),
  endingThisYear: yesNo('ending'),
  q: text(),
});
