// @hyedu/domain — city-agnostic rules and schemas. City data lives in '@hyedu/domain/hengyang'.
// First: zod must not compile with eval (pages run under a CSP without 'unsafe-eval').
import './zod-config.ts';
// Then: zod's messages in Chinese for every schema without its own.
import './zod-messages.ts';

export * from './org.ts';
export * from './school.ts';
export * from './modules.ts';
export * from './module-origins.ts';
export * from './enrolment.ts';
export * from './date.ts';
export * from './text.ts';
export * from './bounds.ts';
export { chineseMessage } from './zod-messages.ts';
export * from './id-card.ts';
export * from './uscc.ts';
export * from './school-code.ts';
export * from './money.ts';
export * from './work-plan.ts';
export * from './staffing.ts';
export * from './identity/index.ts';
export * from './plan/index.ts';
export * from './kpi.ts';
export * from './kpi-catalogue.ts';
export * from './as-of.ts';
export * from './attachment.ts';
export * from './imports.ts';
export * from './safety/index.ts';
export * from './workflow/workflow.ts';
export * from './workflow/inbox.ts';
export * from './workflow/inbox-sources.ts';
export * from './workflow/opinion.ts';
export * from './workflow/present.ts';
export * from './audit-result.ts';
