// Also an entry point of its own ('@hyedu/domain/funding'): zod is configured first, as by the root entry (no eval
// under the pages' CSP; Chinese messages), before any schema of this module is defined.
import '../zod-config.ts';

export * from './spending.ts';
export * from './seats.ts';
// 控辍保学与随迁子女
export * from './dropout.ts';
export * from './migrant.ts';
// 学生资助
export * from './aid.ts';
export * from './aid-import.ts';
export * from './aid-student-import.ts';
export * from './aid-roll-import.ts';
export * from './aid-funds.ts';
export * from './aid-checks.ts';
