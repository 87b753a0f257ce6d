import { KindergartenTerm, SchoolYear } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?year=&term=&over=yes|no&q=&page=`. */
export const feeQuery = defineListQuery({
  schoolYear: oneOf(SchoolYear, 'year'),
  term: oneOf(KindergartenTerm),
  overCap: yesNo('over'),
  q: text(),
});
