import { CaseSource, EnforcementStatus, HandlerLevel, ViolationType } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?unit=&status=&violation=&source=&handler=&overdue=yes|no&q=&page=`. */
export const enforcementQuery = defineListQuery({
  unitCode: unit(),
  status: oneOf(EnforcementStatus),
  violation: oneOf(ViolationType),
  clueSource: oneOf(CaseSource, 'source'),
  handlerLevel: oneOf(HandlerLevel, 'handler'),
  overdue: yesNo(),
  q: text(),
});
