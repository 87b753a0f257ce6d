import { AidCheckStatus, AidFollowUpStatus, AidItem, AidPaymentKind, AidSemester, AidStage, MatchOutcome } from '@hyedu/domain/funding';
import { among, defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** 应助未助's filters in the URL: `?unit=&status=&stage=&target=&q=&semester=&page=`. */
export const unaidedQuery = defineListQuery({
  unitCode: unit(),
  status: oneOf(AidFollowUpStatus),
  stage: oneOf(AidStage),
  target: among(['yes', 'no'] as const),
  q: text(),
  semester: oneOf(AidSemester),
});
/** The match result's filters: `?unit=&outcome=&q=&semester=`. */
export const unmatchedQuery = defineListQuery({ unitCode: unit(), outcome: oneOf(MatchOutcome), q: text(), semester: oneOf(AidSemester) });
/** The aid roll's filters: `?unit=&item=&kind=&semester=`. */
export const paymentsQuery = defineListQuery({
  unitCode: unit(),
  item: oneOf(AidItem),
  kind: oneOf(AidPaymentKind),
  semester: oneOf(AidSemester),
});
/** The spot checks' filters: `?unit=&status=&semester=&page=`. */
export const checksQuery = defineListQuery({ unitCode: unit(), status: oneOf(AidCheckStatus), semester: oneOf(AidSemester) });
