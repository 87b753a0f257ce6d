import { InspectionStatus, InspectionYearParam } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?year=&status=&grade=&overdue=yes|no&q=&page=`. */
export const inspectionQuery = defineListQuery({
  year: oneOf(InspectionYearParam),
  status: oneOf(InspectionStatus),
  grade: text(),
  overdue: yesNo(),
  q: text(),
});
