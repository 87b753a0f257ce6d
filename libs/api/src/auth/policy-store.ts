import { eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { policyFromStorage, type SecurityPolicy } from '@hyedu/domain';
import { announce, onChange } from '../changes.ts';

/**
 * The security policy in force: the 安全管理员's stored policy, or the domain default. Read at most every few
 * seconds per database (every request needs it); a change is seen at once by the instance that made it and, through
 * `announce`, by the others (within CACHE_MS if a notification is lost).
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { at: number; policy: SecurityPolicy }>();
const changes = new WeakMap<Db, number>();

export async function currentPolicy(db: Db, now = Date.now()): Promise<SecurityPolicy> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_MS) return hit.policy;
  const seen = changes.get(db);
  const [row] = await db
    .select({ policy: tables.securityPolicy.policy })
    .from(tables.securityPolicy)
    .where(eq(tables.securityPolicy.id, 1));
  // A stored policy that no longer validates is ignored for the default, which is the 等保 floor.
  const policy = policyFromStorage(row?.policy ?? null);
  // A read that was under way when a change came is used once and not kept.
  if (changes.get(db) === seen) cache.set(db, { at: now, policy });
  return policy;
}

onChange('policy', (db) => {
  cache.delete(db);
  changes.set(db, (changes.get(db) ?? 0) + 1);
});

/** Forget the cached policy (after a change), on every instance. */
export const forgetPolicy = (db: Db) => announce(db, 'policy');
