import { TRPCError } from '@trpc/server';
import type { Db } from '@hyedu/db';
import { beijingDate, type DataScope } from '@hyedu/domain';
import { writeWorkbook, type CellValue, type Column } from '@hyedu/excel';
import { auditChange } from './audit-change.ts';
import type { AuthedContext } from './context.ts';
import { scopeText } from './queries.ts';

/** At most this many rows go into one export. */
export const MAX_EXPORT = 100_000;
/** An export takes its list's filter without the paging. */
export const NO_PAGE = { page: true, pageSize: true } as const;

/**
 * A list's export: one sheet named `name`, a title line with the caller's data scope, the row count and the day, and
 * the file name with the day. `rows` is what the policy middleware audits.
 */
export async function exportBook(
  ctx: { db: Db; scope: DataScope; now: Date },
  name: string,
  columns: Column[],
  rows: Record<string, CellValue>[],
) {
  const today = beijingDate(ctx.now);
  const title = `${name}（${await scopeText(ctx.db, ctx.scope)}，共 ${rows.length} 条，导出于 ${today}）`;
  return {
    filename: `${name}_${today}.xlsx`,
    rows: rows.length,
    base64: (await writeWorkbook([{ name, title, columns, rows }])).toString('base64'),
  };
}

/**
 * The audit record of an export (等保 安全审计: who took which data out): the caller, the procedure, the filter as
 * sent, the data scope it was applied in and the number of rows in the file. Written by the policy middleware after
 * every successful call of an exportProcedure; queries may write audit records (never anything else).
 */
/** One audit record of a read of sensitive records: who, the procedure, what they asked for and in which scope. */
export const auditView = (ctx: AuthedContext, path: string, input: unknown) =>
  ctx.db.transaction((tx) =>
    auditChange(tx, ctx, { action: path, targetType: 'view', targetId: path, after: { input: input ?? {}, scope: ctx.scope } }),
  );

export async function auditExport(ctx: AuthedContext, path: string, filter: unknown, answer: unknown): Promise<void> {
  const rows = (answer as { rows?: unknown } | null)?.rows;
  // A programming error, not a user's: every export says how many rows it holds.
  if (typeof rows !== 'number') throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `导出 ${path} 没有给出行数` });
  await ctx.db.transaction((tx) =>
    auditChange(tx, ctx, { action: path, targetType: 'export', targetId: path, after: { filter: filter ?? {}, rows, scope: ctx.scope } }),
  );
}
