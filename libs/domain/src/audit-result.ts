/** The outcome an audit record states (the audit table's column takes these values). */
export const AUDIT_RESULT_VALUES = ['ok', 'denied', 'error'] as const;
export type AuditResult = (typeof AUDIT_RESULT_VALUES)[number];
