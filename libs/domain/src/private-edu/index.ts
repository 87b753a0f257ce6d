// Also an entry point of its own ('@hyedu/domain/private-edu'): zod is configured first, as by the root entry (no
// eval under the pages' CSP; Chinese messages), before any schema of this module is defined.
import '../zod-config.ts';
import '../zod-messages.ts';

// Private education (seed items 5 and 10): the census and the private share, the levers that lower it, 公参民
// conversion cases with teacher placement, and the private-school registry.
export * from './census.ts';
export * from './census-import.ts';
export * from './share.ts';
export * from './levers.ts';
export * from './conversion.ts';
export * from './registry.ts';
export * from './inspection.ts';
export * from './licence.ts';
export * from './puhui.ts';
export * from './preschool.ts';
export * from './kindergarten-fees.ts';
export * from './enforcement.ts';
export * from './training.ts';
export * from './training-import.ts';
export * from './five-items.ts';
