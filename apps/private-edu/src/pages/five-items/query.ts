import { FiveItemsStatus, FiveItemsTerm } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?unit=&term=&status=&compliant=yes|no&overdue=yes|no&q=&page=`. */
export const fiveItemsQuery = defineListQuery({
  unitCode: unit(),
  term: oneOf(FiveItemsTerm),
  status: oneOf(FiveItemsStatus),
  compliant: yesNo('compliant'),
  overdue: yesNo('overdue'),
  q: text(),
});
