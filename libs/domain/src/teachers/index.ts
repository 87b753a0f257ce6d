export * from './ethics.ts';
export * from './gate.ts';
export * from './staff.ts';
export * from './import.ts';
export * from './staffing.ts';
export * from './programmes.ts';
