import { InspectionStatus } from '@hyedu/domain';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: `?status=&q=&page=`. */
export const inspectionQuery = defineListQuery({ status: oneOf(InspectionStatus), q: text() });
