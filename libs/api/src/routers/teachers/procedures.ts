import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';

// 支教与表彰: the teachers module's procedures for the support and honours routers.
export const read = readProcedure('teachers');
export const exporter = exportProcedure('teachers');
export const write = writeProcedure('teachers');
