export * from './ethics.ts';
export * from './gate.ts';
export * from './staff.ts';
export * from './import.ts';
export * from './staffing.ts';
// 支教与表彰
export * from './support.ts';
export * from './honours.ts';
