import { PuhuiStatus } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: `?status=&q=&page=`. */
export const puhuiQuery = defineListQuery({ status: oneOf(PuhuiStatus), q: text() });
