import { exportProcedure, listProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';

export const read = readProcedure('teachers');
/** The registers' lists (may be read from the standby). */
export const list = listProcedure('teachers');
export const exporter = exportProcedure('teachers');
/** Every appraisal and registration write moves the module's KPIs: the dashboard recomputes them on its next read. */
export const write = writeProcedure('teachers');
