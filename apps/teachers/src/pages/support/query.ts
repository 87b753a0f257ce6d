import { SupportStage } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/** The needs list's filters as they live in the URL: `?stage=&unit=&open=&q=&page=`. */
export const needsQuery = defineListQuery({ schoolStage: oneOf(SupportStage, 'stage'), unitCode: unit(), open: yesNo(), q: text() });
/** The dispatches list's filters: `?unit=&q=&page=`. */
export const dispatchesQuery = defineListQuery({ unitCode: unit(), q: text() });
