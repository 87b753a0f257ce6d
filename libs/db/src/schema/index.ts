export * from './org.ts';
export * from './platform.ts';
export * from './identity.ts';
export * from './plan.ts';
export * from './safety.ts';
export * from './imports.ts';
export * from './private-edu.ts';
export * from './private-puhui.ts';
export * from './teachers.ts';
export * from './private-preschool.ts';
export * from './funding.ts';
// 校外培训执法案件
export * from './private-enforcement.ts';
export * from './private-training.ts';
export * from './private-five-items.ts';
// 支教与表彰
export * from './teacher-support.ts';
export * from './teacher-honours.ts';
