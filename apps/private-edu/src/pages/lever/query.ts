import { LeverKind, LeverStatus } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: `?status=&kind=&q=&page=`. */
export const leverQuery = defineListQuery({ status: oneOf(LeverStatus), kind: oneOf(LeverKind), q: text() });
