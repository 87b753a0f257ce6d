import { forgetRollups } from '../../../kpi/rollup.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';
import { TEACHERS_KPIS } from '../kpis.ts';

export const read = readProcedure('teachers');
export const exporter = exportProcedure('teachers');
/** Every programme write moves the module's KPIs: the dashboard recomputes them on its next read. */
export const write = writeProcedure('teachers').use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) forgetRollups(ctx.db, TEACHERS_KPIS);
  return result;
});
