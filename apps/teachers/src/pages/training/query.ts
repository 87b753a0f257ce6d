import { TrainingTier } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text, unit, yesNo, type Param } from '@hyedu/web';

/** A year of the plan (`?year=2022`). */
const year = (): Param<number> => ({ read: (raw) => (raw !== undefined && /^20\d\d$/.test(raw) ? Number(raw) : undefined) });

/** 培训项目: `?tier=&year=&it=yes&q=&page=`. */
export const projectQuery = defineListQuery({ tier: oneOf(TrainingTier), year: year(), itOnly: yesNo('it'), q: text() });
/** 培训记录 (paged by key): `?unit=&tier=&year=&it=yes&q=&page=&after=`. */
export const recordQuery = defineListQuery({ unitCode: unit(), tier: oneOf(TrainingTier), year: year(), itOnly: yesNo('it'), q: text() });
/** 信息技术2.0: `?unit=&short=yes&q=&page=`. */
export const standingQuery = defineListQuery({ unitCode: unit(), short: yesNo('short'), q: text() });
/** The years projects are planned for, newest first. */
export const YEARS = [2023, 2022, 2021, 2020] as const;
