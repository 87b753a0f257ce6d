import { QuotaStandingFilter, STANDARD_LEVELS } from '@hyedu/domain/teachers';
import { among, defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The schools list's filters in the URL: `?unit=&level=&quotaStanding=&q=&page=`. */
export const staffingQuery = defineListQuery({
  unitCode: unit(),
  level: among(STANDARD_LEVELS),
  quotaStanding: oneOf(QuotaStandingFilter),
  q: text(),
});
