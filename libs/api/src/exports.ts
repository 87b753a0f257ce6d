import { TRPCError } from '@trpc/server';
import { auditChange } from './audit-change.ts';
import type { AuthedContext } from './context.ts';

/**
 * The audit record of an export (等保 安全审计: who took which data out): the caller, the procedure, the filter as
 * sent, the data scope it was applied in and the number of rows in the file. Written by the policy middleware after
 * every successful call of an exportProcedure; queries may write audit records (never anything else).
 */
export async function auditExport(ctx: AuthedContext, path: string, filter: unknown, answer: unknown): Promise<void> {
  const rows = (answer as { rows?: unknown } | null)?.rows;
  // A programming error, not a user's: every export says how many rows it holds.
  if (typeof rows !== 'number') throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `导出 ${path} 没有给出行数` });
  await ctx.db.transaction((tx) =>
    auditChange(tx, ctx, { action: path, targetType: 'export', targetId: path, after: { filter: filter ?? {}, rows, scope: ctx.scope } }),
  );
}
