import type { TRPCRouterRecord } from '@trpc/server';
import { trainingFilesRouter } from './files.ts';
import { trainingProjectsRouter } from './projects.ts';
import { trainingRecordsRouter } from './records.ts';
import { trainingStandingRouter } from './standing.ts';

/** 教师培训 and 信息技术应用能力提升工程2.0: projects, participants' records, each teacher's IT 2.0 standing, files. */
export const trainingRouter = {
  projects: trainingProjectsRouter,
  records: trainingRecordsRouter,
  standing: trainingStandingRouter,
  files: trainingFilesRouter,
} satisfies TRPCRouterRecord;
