import { and, count, eq, gt, lte } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';

const { loginAttempts } = tables;

/**
 * A per-address sliding window of login attempts, kept in the database so that every instance behind the load
 * balancer counts the same attempts. Records this attempt, drops the ones past the window, and answers whether the
 * address is still within `max`. Attempts racing on another instance may each miss the other's row: the limit can be
 * passed by at most the number of concurrent attempts from one address.
 */
export async function takeLoginAttempt(db: Db, ip: string, now: Date, limit: { max: number; windowMs: number }): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowMs);
  return db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(lte(loginAttempts.at, since));
    await tx.insert(loginAttempts).values({ ip, at: now });
    const [row] = await tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)));
    return (row?.n ?? 0) <= limit.max;
  });
}
