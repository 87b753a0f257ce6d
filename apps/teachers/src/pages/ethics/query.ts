import { BlacklistStanding, EthicsStatus } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The case list's filters as they live in the URL: `?status=&unit=&q=&page=`. */
export const ethicsQuery = defineListQuery({ status: oneOf(EthicsStatus), unitCode: unit(), q: text() });
/** The 黑名单's filters: `?standing=&unit=&q=&page=`. */
export const blacklistQuery = defineListQuery({ standing: oneOf(BlacklistStanding), unitCode: unit(), q: text() });
