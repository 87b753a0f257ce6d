import { listModuleOrigins, type Db } from '@hyedu/db';
import { announce, onChange } from './changes.ts';

/**
 * The allow-list of module origins, read at most every few seconds per database: the server builds its
 * Content-Security-Policy from it on every response. A change is seen at once by every instance (`announce`); a read
 * that was under way when it came is not kept.
 */
export const MODULE_ORIGINS_CACHE_MS = 5_000;
const cache = new WeakMap<Db, { at: number; origins: readonly string[] }>();
const changes = new WeakMap<Db, number>();

export async function moduleOrigins(db: Db, now = Date.now()): Promise<readonly string[]> {
  const hit = cache.get(db);
  if (hit && now - hit.at < MODULE_ORIGINS_CACHE_MS) return hit.origins;
  const seen = changes.get(db);
  const origins = Object.freeze(await listModuleOrigins(db));
  if (changes.get(db) === seen) cache.set(db, { at: now, origins });
  return origins;
}

onChange('moduleOrigins', (db) => {
  cache.delete(db);
  changes.set(db, (changes.get(db) ?? 0) + 1);
});

/** Forget the cached list (after a change), on every instance. */
export const forgetModuleOrigins = (db: Db) => announce(db, 'moduleOrigins');
