import type { TRPCRouterRecord } from '@trpc/server';
import { planAttachmentsRouter } from './attachments.ts';
import { planEditRouter } from './edit.ts';
import { planFilesRouter } from './files.ts';
import { planInstructRouter } from './instruct.ts';
import { planReadRouter } from './read.ts';
import { planReportRouter } from './report.ts';
import { planTargetsRouter } from './targets.ts';

/** The work plan's tasks, milestones, progress reports and their review, leadership instructions (批示) and the KPIs' county targets. */
export const planRouter = {
  ...planReadRouter,
  ...planReportRouter,
  ...planInstructRouter,
  ...planFilesRouter,
  ...planEditRouter,
  ...planAttachmentsRouter,
  ...planTargetsRouter,
} satisfies TRPCRouterRecord;
