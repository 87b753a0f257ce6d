import type { TRPCError } from '@trpc/server';
import { writeAudit, type Db } from '@hyedu/db';
import type { Context } from './context.ts';

/**
 * Every refusal leaves one audit record (等保 安全审计): no session (UNAUTHORIZED), no right (FORBIDDEN) and no such
 * record for this caller (NOT_FOUND), whether the policy middleware refuses or the procedure does. The middleware
 * calls auditRefusal once per call, after the procedure's own transaction has rolled back, so the record is written
 * in a transaction of its own. Bad input (BAD_REQUEST), conflicts and rate limits are not refusals.
 */
const REFUSALS: ReadonlySet<string> = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

interface Target {
  type: string;
  id: string;
}
const marks = new WeakMap<Error, Target | 'audited'>();

/** Names the record a refusal is about; the audit record's target is then that record instead of the procedure. */
export function refusalAbout<E extends Error>(error: E, type: string, id: string | number): E {
  marks.set(error, { type, id: String(id) });
  return error;
}

/** A refusal the procedure has recorded itself, with more detail (the login records each failure with its count). */
export function auditedRefusal<E extends Error>(error: E): E {
  marks.set(error, 'audited');
  return error;
}

/**
 * Callers without a session are recorded at most once per client address and minute; that record counts the
 * refusals folded into it since the previous one (`unrecorded`). A flood of anonymous calls (already held by the
 * per-address rate limit) cannot turn into as many writes on the audit chain, whose head every writer locks. The
 * memory is bounded: beyond MAX_ADDRESSES live addresses, the rest share one entry. What a flood folded into its
 * last minute is counted in that address's next record, if one comes before the entry is dropped.
 */
export const ANONYMOUS = 'anonymous';
const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;
const windows = new WeakMap<Db, Map<string, { since: number; unrecorded: number }>>();

/** Whether to record this anonymous refusal now: the number of refusals folded in before it, or null to fold it. */
function anonymousTurn(db: Db, ip: string, now: number): number | null {
  let perDb = windows.get(db);
  if (!perDb) windows.set(db, (perDb = new Map()));
  if (!perDb.has(ip) && perDb.size >= MAX_ADDRESSES) {
    for (const [k, w] of perDb) if (now - w.since >= WINDOW_MS) perDb.delete(k);
    if (perDb.size >= MAX_ADDRESSES) ip = '*';
  }
  const w = perDb.get(ip);
  if (w && now - w.since < WINDOW_MS) {
    w.unrecorded++;
    return null;
  }
  perDb.set(ip, { since: now, unrecorded: 0 });
  return w?.unrecorded ?? 0;
}

/** The input's record ids (id, …Id, unitCode, username), so that a refusal says what it was about. */
function ids(input: unknown): Record<string, unknown> | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const out = Object.entries(input).filter(
    ([k, v]) => /^(id|.*Id|unitCode|username)$/.test(k) && (typeof v === 'number' || (typeof v === 'string' && v.length <= 64)),
  );
  return out.length ? Object.fromEntries(out) : undefined;
}

export async function auditRefusal(ctx: Context, path: string, error: TRPCError, input: unknown): Promise<void> {
  const mark = marks.get(error);
  if (!REFUSALS.has(error.code) || mark === 'audited') return;
  let actor = ctx.identity?.username;
  let folded: { unrecorded: number } | undefined;
  if (!actor) {
    const unrecorded = anonymousTurn(ctx.db, ctx.ip, ctx.now.getTime());
    if (unrecorded === null) return;
    actor = ANONYMOUS;
    folded = { unrecorded };
  }
  const after = { code: error.code, message: error.message, ...(ids(input) ? { input: ids(input) } : {}), ...folded };
  await ctx.db.transaction((tx) =>
    writeAudit(tx, ctx.auditKey, {
      actor,
      action: path,
      targetType: mark?.type ?? 'procedure',
      targetId: mark?.id ?? path,
      result: 'denied',
      source: ctx.ip,
      after,
    }),
  );
}
