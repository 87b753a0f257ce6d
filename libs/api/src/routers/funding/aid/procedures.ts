import { forgetRollups } from '../../../kpi/rollup.ts';
import { writeProcedure } from '../../../trpc.ts';
import { AID_KPIS } from './kpis.ts';

/** A write of the aid role: refreshes the KPIs it moves once it has succeeded. */
export const aidWrite = writeProcedure('funding:aid').use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) forgetRollups(ctx.db, AID_KPIS);
  return result;
});
