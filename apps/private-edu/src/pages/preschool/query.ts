import { SchoolYear } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf } from '@hyedu/web';

/** The page's filter as it lives in the URL: `?year=` (none: the latest census). */
export const preschoolQuery = defineListQuery({ schoolYear: oneOf(SchoolYear, 'year') });
