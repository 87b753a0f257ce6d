import { LicenceKind, LicenceStatus } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: `?kind=&status=&q=&page=`. */
export const licenceQuery = defineListQuery({ kind: oneOf(LicenceKind), status: oneOf(LicenceStatus), q: text() });
