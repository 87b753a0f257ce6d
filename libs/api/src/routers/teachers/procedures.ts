import { forgetRollups } from '../../kpi/rollup.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { TEACHERS_KPIS } from './kpis.ts';

// 支教与表彰: the teachers module's procedures for the support and honours routers.
export const read = readProcedure('teachers');
export const exporter = exportProcedure('teachers');
/** Every teachers write drops the module's KPI rollups: the dashboard recomputes them on its next read. */
export const write = writeProcedure('teachers').use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) forgetRollups(ctx.db, TEACHERS_KPIS);
  return result;
});
