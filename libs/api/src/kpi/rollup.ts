import type { Db } from '@hyedu/db';
import { beijingDate, KPI_CATALOGUE, ModuleKey, type Area, type DataScope } from '@hyedu/domain';
import { announce, onChange } from '../changes.ts';
import type { KpiSource, Measure } from './source.ts';

/**
 * The KPIs' rollup: each source's city-wide figures by unit, computed at most once a minute per database and shared
 * by every dashboard request (concurrent callers wait for the one computation in flight). A request's scope is then
 * applied in memory. The dashboard shows the rollup's time as the figures' as-of time; a module that changes records
 * behind a KPI is followed by forgetAfterWrite (the policy middleware, after every successful write), so the next read
 * recomputes, on this instance and (through `announce`) on every other instance of the database.
 */
export const ROLLUP_TTL_MS = 60_000;

interface Entry {
  at: Date;
  byUnit: Map<string, Measure>;
}
const memos = new WeakMap<Db, Map<string, { at: number; value: Promise<unknown> }>>();

/**
 * A value computed at most once per `ROLLUP_TTL_MS` per database and key; callers in between (concurrent ones too)
 * share the one computation. A failed computation is forgotten, so the next caller tries again.
 */
export function memo<T>(db: Db, key: string, now: Date, compute: () => Promise<T>): Promise<T> {
  let perDb = memos.get(db);
  if (!perDb) memos.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && now.getTime() - hit.at < ROLLUP_TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  const entry = { at: now.getTime(), value };
  perDb.set(key, entry);
  value.catch(() => perDb!.get(key) === entry && perDb!.delete(key));
  return value;
}

export const unitRollup = (db: Db, source: KpiSource, now = new Date(), today = beijingDate(now)): Promise<Entry> =>
  memo(db, `rollup:${source.id}:${today}`, now, () => source.byUnit(db, { kind: 'all' }, today).then((byUnit) => ({ at: now, byUnit })));

onChange('rollups', (db, ids) => {
  const perDb = memos.get(db);
  if (!perDb) return;
  if (ids === undefined) return perDb.clear();
  const prefixes = ids.split(',').map((id) => `rollup:${id}:`);
  for (const key of [...perDb.keys()]) if (prefixes.some((p) => key.startsWith(p))) perDb.delete(key);
});
onChange('memo', (db, key) => (key === undefined ? memos.get(db)?.clear() : memos.get(db)?.delete(key)));

/** Drops the rollups of a database (all of them, or the listed KPI ids) after a change to their records. */
export function forgetRollups(db: Db, ids?: readonly string[]) {
  announce(db, 'rollups', ids?.join(','));
}

/** The KPIs each module's records move: a module's KPIs are the catalogue's entries of that module. */
const KPIS_OF_MODULE = new Map(ModuleKey.options.map((m) => [m, KPI_CATALOGUE.filter((k) => k.module === m).map((k) => k.id)]));

/**
 * After a successful write of an area: a module's write (its own area or a role of it, `funding:aid`) drops that
 * module's KPIs; any other area's (the platform's registry, the plan, the administrators') drops them all — rare
 * writes, and the registry is every KPI's denominator.
 */
export function forgetAfterWrite(db: Db, area: Area) {
  const module = ModuleKey.safeParse(area.split(':')[0]);
  forgetRollups(db, module.success ? KPIS_OF_MODULE.get(module.data) : undefined);
}

/** Drops one memoised value of a database (e.g. the county targets of a year after one was set). */
export function forgetMemo(db: Db, key: string) {
  announce(db, 'memo', key);
}

/** The units a scope may see, from a city-wide rollup. */
export function inScope(byUnit: ReadonlyMap<string, Measure>, scope: DataScope): Map<string, Measure> {
  if (scope.kind === 'all') return new Map(byUnit);
  if (scope.kind === 'units') return new Map([...byUnit].filter(([code]) => scope.unitCodes.includes(code)));
  return new Map();
}
