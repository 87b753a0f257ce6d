// Campus safety (seed item 4): the 4个100% indicators and guard norm, hazards and their rectification,
// 专项教育 activities, incidents and their reporting chain.
export * from './terms.ts';
export * from './compliance.ts';
export * from './hazards.ts';
export * from './education.ts';
export * from './incidents.ts';
