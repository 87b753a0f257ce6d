import type { TRPCRouterRecord } from '@trpc/server';
import { SchoolFilter } from '../../inputs.ts';
import { listSchools } from '../../queries.ts';
import { readProcedure } from '../../trpc.ts';

export const schoolsRouter = {
  /** The schools in the caller's scope (the module's school list, and the school pickers of its forms). */
  schools: readProcedure('safety')
    .input(SchoolFilter)
    .query(({ ctx, input }) => listSchools(ctx.db, ctx.scope, input)),
} satisfies TRPCRouterRecord;
