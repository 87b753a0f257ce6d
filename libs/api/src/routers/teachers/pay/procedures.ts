import type { Db } from '@hyedu/db';
import { authorize } from '@hyedu/domain';
import type { AuthedContext } from '../../../context.ts';
import { forgetRollups } from '../../../kpi/rollup.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';
import { TEACHERS_KPIS } from '../kpis.ts';

/** A write moves the module's KPIs (工资保障 among them): the dashboard recomputes them on its next read. */
const forgetting = async <R extends { ok: boolean }>({ ctx, next }: { ctx: { db: Db }; next: () => Promise<R> }) => {
  const result = await next();
  if (result.ok) forgetRollups(ctx.db, TEACHERS_KPIS);
  return result;
};

export const read = readProcedure('teachers');
export const write = writeProcedure('teachers').use(forgetting);
export const exporter = exportProcedure('teachers');
export const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed;
export const iso = (d: Date | null) => d?.toISOString() ?? null;
