// Also an entry point of its own ('@hyedu/domain/safety'): zod is configured first, as by the root entry (no eval
// under the pages' CSP; Chinese messages), before any schema of this module is defined.
import '../zod-config.ts';
import '../zod-messages.ts';

// Campus safety (seed item 4): the 4个100% indicators and guard norm, hazards and their rectification,
// 专项教育 activities, incidents and their reporting chain.
export * from './terms.ts';
export * from './compliance.ts';
export * from './hazards.ts';
export * from './education.ts';
export * from './incidents.ts';
