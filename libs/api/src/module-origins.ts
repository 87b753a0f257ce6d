import { listModuleOrigins, type Db } from '@hyedu/db';

/**
 * The allow-list of module origins, read at most every few seconds per database: the server builds its
 * Content-Security-Policy from it on every response. A change made through this process is seen at once.
 */
export const MODULE_ORIGINS_CACHE_MS = 5_000;
const cache = new WeakMap<Db, { at: number; origins: readonly string[] }>();

export async function moduleOrigins(db: Db, now = Date.now()): Promise<readonly string[]> {
  const hit = cache.get(db);
  if (hit && now - hit.at < MODULE_ORIGINS_CACHE_MS) return hit.origins;
  const origins = Object.freeze(await listModuleOrigins(db));
  cache.set(db, { at: now, origins });
  return origins;
}

/** Forget the cached list (after a change). */
export const forgetModuleOrigins = (db: Db) => cache.delete(db);
