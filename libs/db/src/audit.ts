import { createHmac, timingSafeEqual } from 'node:crypto';
import { asc, eq, gt } from 'drizzle-orm';
import type { AuditResult } from '@hyedu/domain';
import type { Db } from './client.ts';
import { auditHead, auditLog } from './schema/index.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  actor: string;
  realActor?: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  result: AuditResult;
  source: string;
}

/** Hash of the chain before its first row. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same value always serialises the same way (as jsonb round-trips). */
function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`)
    .join(',')}}`;
}

interface Hashed {
  at: Date;
  actor: string;
  realActor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  result: AuditEntry['result'];
  source: string;
}

function chainHash(key: Buffer, prevHash: string, r: Hashed): string {
  const body = stable([
    r.at.toISOString(),
    r.actor,
    r.realActor,
    r.action,
    r.targetType,
    r.targetId,
    r.before ?? null,
    r.after ?? null,
    r.result,
    r.source,
  ]);
  return createHmac('sha256', key).update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one audit row inside the caller's transaction. Locks the chain head, so concurrent writers
 * queue and the chain never forks; if the business change rolls back, so does its audit row.
 */
export async function writeAudit(tx: Tx, key: Buffer, e: AuditEntry): Promise<void> {
  const [head] = await tx.select({ lastHash: auditHead.lastHash }).from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('审计链头缺失：数据库迁移未完成');
  const row: Hashed = {
    at: new Date(),
    actor: e.actor,
    realActor: e.realActor ?? e.actor,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
    result: e.result,
    source: e.source,
  };
  const hash = chainHash(key, head.lastHash, row);
  await tx.insert(auditLog).values({ ...row, prevHash: head.lastHash, hash });
  await tx.update(auditHead).set({ lastHash: hash }).where(eq(auditHead.id, 1));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first row that does not verify, and why. */
  firstBroken?: { id: number; reason: string };
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Recomputes the whole chain in id order and reports the first broken link (edited, removed or reordered rows). */
export async function verifyAuditChain(db: Db, key: Buffer, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!same(r.prevHash, prev))
        return { ok: false, checked, firstBroken: { id: r.id, reason: '与上一条记录的链接断开（记录被删除、插入或重排）' } };
      if (!same(r.hash, chainHash(key, r.prevHash, r)))
        return { ok: false, checked, firstBroken: { id: r.id, reason: '记录内容与其哈希不符（记录被修改）' } };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  const [head] = await db.select({ lastHash: auditHead.lastHash }).from(auditHead).where(eq(auditHead.id, 1));
  if (!head || !same(head.lastHash, prev))
    return { ok: false, checked, firstBroken: { id: lastId + 1, reason: '链尾之后的记录缺失（记录被删除）' } };
  return { ok: true, checked };
}
