import type { TRPCRouterRecord } from '@trpc/server';
import { activitiesRouter } from './activities.ts';
import { safetyFilesRouter } from './files.ts';
import { hazardsRouter } from './hazards.ts';
import { incidentsRouter } from './incidents.ts';
import { inspectionsRouter } from './inspections.ts';
import { profilesRouter } from './profiles.ts';
import { schoolsRouter } from './schools.ts';
import { summaryRouter } from './summary.ts';

/**
 * The safety module (seed item 4): the 4个100% per school and term, inspections and hazards with their
 * rectification loop, 专项教育 activities, incidents with their reporting chain, imports and exports.
 */
export const safetyRouter = {
  ...schoolsRouter,
  ...summaryRouter,
  ...profilesRouter,
  ...inspectionsRouter,
  ...hazardsRouter,
  ...activitiesRouter,
  ...incidentsRouter,
  ...safetyFilesRouter,
} satisfies TRPCRouterRecord;
