import type { DataScope } from '@hyedu/domain';
import type { Db } from '@hyedu/db';
import type { KpiSource, Measure } from './source.ts';

/**
 * The KPIs' rollup: each source's city-wide figures by unit, computed at most once a minute per database and shared
 * by every dashboard request (concurrent callers wait for the one computation in flight). A request's scope is then
 * applied in memory. The dashboard shows the rollup's time as the figures' as-of time; a module that changes records
 * behind a KPI calls forgetRollups so the next read recomputes.
 */
export const ROLLUP_TTL_MS = 60_000;

interface Entry {
  at: Date;
  byUnit: Map<string, Measure>;
}
const rollups = new WeakMap<Db, Map<string, Promise<Entry>>>();

export function unitRollup(db: Db, source: KpiSource, now = new Date()): Promise<Entry> {
  let perDb = rollups.get(db);
  if (!perDb) rollups.set(db, (perDb = new Map()));
  const cached = perDb.get(source.id);
  if (cached) {
    return cached.then((e) => (now.getTime() - e.at.getTime() < ROLLUP_TTL_MS ? e : refresh(db, perDb!, source, now)));
  }
  return refresh(db, perDb, source, now);
}

function refresh(db: Db, perDb: Map<string, Promise<Entry>>, source: KpiSource, now: Date): Promise<Entry> {
  const pending = source.byUnit(db, { kind: 'all' }).then((byUnit) => ({ at: now, byUnit }));
  perDb.set(source.id, pending);
  // A failed computation is not cached: the next request tries again.
  pending.catch(() => perDb.get(source.id) === pending && perDb.delete(source.id));
  return pending;
}

/** Drops the rollups of a database (all of them, or the listed KPI ids) after a change to their records. */
export function forgetRollups(db: Db, ids?: readonly string[]) {
  const perDb = rollups.get(db);
  if (!perDb) return;
  if (!ids) perDb.clear();
  else for (const id of ids) perDb.delete(id);
}

/** The units a scope may see, from a city-wide rollup. */
export function inScope(byUnit: ReadonlyMap<string, Measure>, scope: DataScope): Map<string, Measure> {
  if (scope.kind === 'all') return new Map(byUnit);
  if (scope.kind === 'units') return new Map([...byUnit].filter(([code]) => scope.unitCodes.includes(code)));
  return new Map();
}
