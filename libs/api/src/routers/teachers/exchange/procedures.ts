import { readProcedure, writeProcedure } from '../../../trpc.ts';

export const read = readProcedure('teachers');
/** Every exchange write moves the module's KPIs: the dashboard recomputes them on its next read. */
export const write = writeProcedure('teachers');
