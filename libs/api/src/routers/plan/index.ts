import type { TRPCRouterRecord } from '@trpc/server';
import { reportFilesRouter } from './attachments.ts';
import { planEditRouter, taskEditRouter } from './edit.ts';
import { planFilesRouter } from './files.ts';
import { instructionsRouter } from './instruct.ts';
import { planReadRouter, reportReadRouter, taskReadRouter } from './read.ts';
import { milestoneRouter, reportRouter } from './report.ts';
import { targetsRouter } from './targets.ts';

/**
 * The work plan's tasks, milestones, progress reports and their review, leadership instructions (批示) and the KPIs'
 * county targets. One sub-router per record type (a year's plan, its tasks, the progress reports, the instructions,
 * the county targets), each with its reads, writes and files beside it; what belongs to the whole plan (its 科室, the
 * deadlines panel) sits at the top.
 */
export const planRouter = {
  ...planReadRouter,
  plans: { ...planEditRouter, ...planFilesRouter },
  tasks: { ...taskReadRouter, ...taskEditRouter, ...milestoneRouter },
  reports: { ...reportReadRouter, ...reportRouter, ...reportFilesRouter },
  instructions: instructionsRouter,
  targets: targetsRouter,
} satisfies TRPCRouterRecord;
