import type DetailListType from './components/DetailList.vue';
import type RecordCardType from './components/RecordCard.vue';
import type RecordHistoryType from './components/RecordHistory.vue';
import type RecordHistoryCardType from './components/RecordHistoryCard.vue';
import type SchoolFieldType from './components/SchoolField.vue';
import type WorkflowActionsType from './components/WorkflowActions.vue';
import type WorkflowTimelineType from './components/WorkflowTimeline.vue';
import { lazyComponent } from './lazy.ts';

// The record kit (record pages and record forms) as lazy components: their code is one chunk of this library, fetched
// the first time a page shows one of them, so the sign-in and home pages do not download it (the wire budget).
const record = () => import('./lazy/record.ts');

export const RecordHistory = lazyComponent('RecordHistory', () => record().then((m) => m.RecordHistory)) as typeof RecordHistoryType;
export const WorkflowActions = lazyComponent('WorkflowActions', () =>
  record().then((m) => m.WorkflowActions),
) as typeof WorkflowActionsType;
export const WorkflowTimeline = lazyComponent('WorkflowTimeline', () =>
  record().then((m) => m.WorkflowTimeline),
) as typeof WorkflowTimelineType;
export const RecordCard = lazyComponent('RecordCard', () => record().then((m) => m.RecordCard)) as typeof RecordCardType;
export const RecordHistoryCard = lazyComponent('RecordHistoryCard', () =>
  record().then((m) => m.RecordHistoryCard),
) as typeof RecordHistoryCardType;
export const DetailList = lazyComponent('DetailList', () => record().then((m) => m.DetailList)) as typeof DetailListType;
export const SchoolField = lazyComponent('SchoolField', () => record().then((m) => m.SchoolField)) as typeof SchoolFieldType;
