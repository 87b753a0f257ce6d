export * from './ethics.ts';
export * from './gate.ts';
export * from './staff.ts';
export * from './import.ts';
export * from './staffing.ts';
// 教师培训与信息技术应用能力提升工程2.0
export * from './training.ts';
export * from './exchange.ts';
export * from './pay.ts';
// 年度考核与教师资格定期注册
export * from './appraisal.ts';
export * from './registration.ts';
export * from './registration-workflow.ts';
export * from './programmes.ts';
// 支教与表彰
export * from './support.ts';
export * from './honours.ts';
