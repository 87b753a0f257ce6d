// The work plan as data: departments (科室), tasks and milestones, progress reports and their review.
export * from './departments.ts';
export * from './tasks.ts';
export * from './progress.ts';
