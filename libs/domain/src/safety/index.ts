// Campus safety (seed item 4): the 4个100% indicators and guard norm, hazards and their rectification.
export * from './compliance.ts';
export * from './hazards.ts';
