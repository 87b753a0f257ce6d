// Also an entry point of its own ('@hyedu/domain/plan'): zod is configured first, as by the root entry (no eval
// under the pages' CSP; Chinese messages), before any schema of this module is defined.
import '../zod-config.ts';
import '../zod-messages.ts';

// The work plan as data: departments (科室), tasks and milestones, progress reports and their review.
export * from './departments.ts';
export * from './tasks.ts';
export * from './progress.ts';
