import type { TRPCRouterRecord } from '@trpc/server';
import { planAttachmentsRouter } from './attachments.ts';
import { planEditRouter } from './edit.ts';
import { planFilesRouter } from './files.ts';
import { planInstructRouter } from './instruct.ts';
import { planReadRouter } from './read.ts';
import { planReportRouter } from './report.ts';

/** The work plan's tasks, milestones, progress reports and their review, and leadership instructions (批示). */
export const planRouter = { ...planReadRouter, ...planReportRouter, ...planInstructRouter, ...planFilesRouter, ...planEditRouter, ...planAttachmentsRouter } satisfies TRPCRouterRecord;
