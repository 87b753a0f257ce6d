import { eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { policyFromStorage, type SecurityPolicy } from '@hyedu/domain';

/**
 * The security policy in force: the 安全管理员's stored policy, or the domain default. Read at most every few
 * seconds per database (every request needs it); a change made here is seen at once by this process.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { at: number; policy: SecurityPolicy }>();

export async function currentPolicy(db: Db, now = Date.now()): Promise<SecurityPolicy> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_MS) return hit.policy;
  const [row] = await db
    .select({ policy: tables.securityPolicy.policy })
    .from(tables.securityPolicy)
    .where(eq(tables.securityPolicy.id, 1));
  // A stored policy that no longer validates is ignored for the default, which is the 等保 floor.
  const policy = policyFromStorage(row?.policy ?? null);
  cache.set(db, { at: now, policy });
  return policy;
}

/** Forget the cached policy (after a change). */
export const forgetPolicy = (db: Db) => cache.delete(db);
