import type { TRPCRouterRecord } from '@trpc/server';
import { activitiesRouter } from './activities.ts';
import { activityFilesRouter, hazardFilesRouter, incidentFilesRouter, profileFilesRouter } from './files.ts';
import { hazardsRouter, safetyAccessRouter } from './hazards.ts';
import { incidentsRouter } from './incidents.ts';
import { inspectionsRouter } from './inspections.ts';
import { profilesRouter, settingsRouter, termsRouter } from './profiles.ts';
import { schoolsRouter } from './schools.ts';
import { complianceRouter, hazardSummaryRouter } from './summary.ts';

/**
 * The safety module (seed item 4): the 4个100% per school and term, inspections and hazards with their
 * rectification loop, 专项教育 activities, incidents with their reporting chain, imports and exports.
 * One sub-router per record type (list, byId, create, its transitions, its import and export beside it);
 * what belongs to the whole module (its schools, the caller's access, terms, the 4个100% by unit) sits at the top.
 */
export const safetyRouter = {
  ...schoolsRouter,
  ...safetyAccessRouter,
  ...termsRouter,
  ...complianceRouter,
  settings: settingsRouter,
  profiles: { ...profilesRouter, ...profileFilesRouter },
  inspections: inspectionsRouter,
  hazards: { ...hazardsRouter, ...hazardSummaryRouter, ...hazardFilesRouter },
  activities: { ...activitiesRouter, ...activityFilesRouter },
  incidents: { ...incidentsRouter, ...incidentFilesRouter },
} satisfies TRPCRouterRecord;
