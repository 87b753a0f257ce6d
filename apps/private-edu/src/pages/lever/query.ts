import { LeverStatus } from '@hyedu/domain';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: `?status=&q=&page=`. */
export const leverQuery = defineListQuery({ status: oneOf(LeverStatus), q: text() });
