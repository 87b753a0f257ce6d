export * from './org.ts';
export * from './platform.ts';
export * from './identity.ts';
export * from './plan.ts';
export * from './safety.ts';
export * from './imports.ts';
export * from './private-edu.ts';
export * from './private-puhui.ts';
export * from './teachers.ts';
// 县管校聘交流轮岗
export * from './teacher-exchange.ts';
export * from './private-preschool.ts';
export * from './funding.ts';
// 校外培训执法案件
export * from './private-enforcement.ts';
export * from './private-training.ts';
export * from './private-five-items.ts';
// 教师培训与信息技术应用能力提升工程2.0
export * from './teacher-training.ts';
// 教师工资保障
export * from './teacher-pay.ts';
// 年度考核与教师资格定期注册
export * from './teacher-appraisal.ts';
// 教师补充计划（优师、公费师范生、特岗、银龄）
export * from './teacher-programmes.ts';
// 支教与表彰
export * from './teacher-support.ts';
export * from './teacher-honours.ts';
// 控辍保学与随迁子女
export * from './funding-dropout.ts';
// 学生资助
export * from './funding-aid.ts';
