import { SchoolLevel } from '@hyedu/domain';
import { defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?unit=&level=&gcm=&missing=&q=&page=`. */
export const profileQuery = defineListQuery({ unitCode: unit(), level: oneOf(SchoolLevel), gcm: yesNo(), missing: yesNo(), q: text() });
