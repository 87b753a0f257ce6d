// `@hyedu/domain/audit`: how the audit trail is read — the labels of actions, record types, fields and results, the
// changes of a record and the CSV's rows. Its own entry point, so the pages that show the trail carry these tables and
// the shared root (fetched at every start) does not.
export * from '../audit-labels.ts';
export * from '../audit-result.ts';
