import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ExpectedVersion, RecordId, type Workflow } from '@hyedu/domain';
import type { Context } from './context.ts';
import { fieldError } from './field-error.ts';
import { auditRefusal } from './refusals.ts';

/** How many records one bulk step may take at most. */
export const BULK_LIMIT = 100;

/** The records of a bulk step: each with the version the caller saw. */
export const BulkItems = z
  .array(z.object({ id: RecordId, expectedVersion: ExpectedVersion }).strict())
  .min(1, { message: '请至少选择一条记录' })
  .max(BULK_LIMIT, { message: `一次最多办理${BULK_LIMIT}条` });
export type BulkItem = z.infer<typeof BulkItems>[number];

export type BulkResult<S> = { id: number; ok: true; state: S } | { id: number; ok: false; message: string };

/**
 * One workflow step on several records at once (批量核实, 批量验收销号): only a step the workflow declares `bulk`, which
 * asks for nothing but the choice. Each record is its own step (`one`: its own scope check, version, transaction and
 * audit record); one refused does not stop the others, its refusal is audited like any other, and the answer says,
 * record by record, what was done and why not.
 */
export async function takeMany<S extends string, A extends string>(
  ctx: Context,
  path: string,
  wf: Workflow<S, A>,
  action: A,
  items: readonly BulkItem[],
  one: (item: BulkItem) => Promise<{ state: S }>,
): Promise<{ done: number; results: BulkResult<S>[] }> {
  if (!wf.steps[action].bulk) throw fieldError('action', `“${wf.steps[action].label.zh}”不能批量办理，请逐条办理`);
  const results: BulkResult<S>[] = [];
  for (const item of items) {
    try {
      results.push({ id: item.id, ok: true, state: (await one(item)).state });
    } catch (e) {
      if (!(e instanceof TRPCError) || e.code === 'INTERNAL_SERVER_ERROR') throw e;
      await auditRefusal(ctx, path, e, item);
      results.push({ id: item.id, ok: false, message: e.message });
    }
  }
  return { done: results.filter((r) => r.ok).length, results };
}
