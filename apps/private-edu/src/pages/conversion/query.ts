import { ConversionStatus } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?status=&overdue=yes|no&q=&page=`. */
export const conversionQuery = defineListQuery({ status: oneOf(ConversionStatus), overdue: yesNo(), q: text() });
