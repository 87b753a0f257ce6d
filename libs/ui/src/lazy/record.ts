// The record page's and record form's components, fetched the first time a page shows one (a list, a record, a dialog):
// the sign-in page and the home page show none of them.
export { default as RecordHistory } from '../components/RecordHistory.vue';
export { default as WorkflowActions } from '../components/WorkflowActions.vue';
export { default as WorkflowTimeline } from '../components/WorkflowTimeline.vue';
export { default as RecordCard } from '../components/RecordCard.vue';
export { default as RecordHistoryCard } from '../components/RecordHistoryCard.vue';
export { default as DetailList } from '../components/DetailList.vue';
export { default as SchoolField } from '../components/SchoolField.vue';
