import type { Db } from '@hyedu/db';
import { beijingDate, KPI_CATALOGUE, ModuleKey, type Area, type DataScope, type KpiId } from '@hyedu/domain';
import { announce, onChange } from '../changes.ts';
import type { KpiSource, Measure } from './source.ts';

/**
 * The KPIs' rollup: each source's city-wide figures by unit, computed at most once a minute per database and shared
 * by every dashboard request (concurrent callers wait for the one computation in flight). A request's scope is then
 * applied in memory. The dashboard shows the rollup's time as the figures' as-of time; a module that changes records
 * behind a KPI is followed by forgetAfterWrite (the policy middleware, after every successful write), so the next read
 * recomputes (at most every RECOMPUTE_GAP_MS), on this instance and (through `announce`) on every other instance of the
 * database.
 */
export const ROLLUP_TTL_MS = 60_000;
/**
 * Under a stream of writes, one value is recomputed at most this often: a read after a write waits until the last
 * computation is this old, then starts the next (shared by every reader meanwhile), so it still sees every write made
 * before it, and a busy module's dashboard costs a few computations a second instead of one per write.
 */
export const RECOMPUTE_GAP_MS = 500;

interface Entry {
  at: Date;
  byUnit: Map<string, Measure>;
}
interface Memo {
  /** The request time it was computed for (the TTL counts from it). */
  at: number;
  /** When its computation started (null while it waits for its turn: it will see every write before it starts). */
  startedAt: number | null;
  /** A write came after its computation started. */
  stale: boolean;
  value: Promise<unknown>;
}
const memos = new WeakMap<Db, Map<string, Memo>>();

/**
 * A value computed at most once per `ROLLUP_TTL_MS` per database and key; callers in between (concurrent ones too)
 * share the one computation. After a change (`stale`) the next caller recomputes, no sooner than `RECOMPUTE_GAP_MS`
 * after the last computation started. A failed computation is forgotten, so the next caller tries again.
 */
export function memo<T>(db: Db, key: string, now: Date, compute: () => Promise<T>): Promise<T> {
  let perDb = memos.get(db);
  if (!perDb) memos.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && !hit.stale && now.getTime() - hit.at < ROLLUP_TTL_MS) return hit.value as Promise<T>;
  const wait = hit?.stale && hit.startedAt !== null ? hit.startedAt + RECOMPUTE_GAP_MS - Date.now() : 0;
  const entry: Memo = { at: now.getTime(), startedAt: null, stale: false, value: Promise.resolve() };
  const start = () => {
    entry.startedAt = Date.now();
    return compute();
  };
  const value = wait > 0 ? new Promise<void>((r) => setTimeout(r, wait)).then(start) : start();
  entry.value = value;
  perDb.set(key, entry);
  value.catch(() => perDb!.get(key) === entry && perDb!.delete(key));
  return value;
}

/** After a change: the values whose computation has started may not show it; one still waiting for its turn will. */
function markStale(perDb: Map<string, Memo> | undefined, keep: (key: string) => boolean = () => false) {
  for (const [key, m] of perDb ?? []) if (!keep(key) && m.startedAt !== null) m.stale = true;
}

export const unitRollup = (db: Db, source: KpiSource, now = new Date(), today = beijingDate(now)): Promise<Entry> =>
  memo(db, `rollup:${source.id}:${today}`, now, () => source.byUnit(db, { kind: 'all' }, today).then((byUnit) => ({ at: now, byUnit })));

/** A value memoised with a KPI's rollup (e.g. the detail a module's page shows): dropped whenever that KPI is. */
export const memoWithKpi = <T>(db: Db, id: KpiId, key: string, now: Date, compute: () => Promise<T>): Promise<T> =>
  memo(db, `rollup:${id}:${key}`, now, compute);

onChange('rollups', (db, ids) => {
  const prefixes = ids?.split(',').map((id) => `rollup:${id}:`);
  markStale(memos.get(db), (key) => !!prefixes && !prefixes.some((p) => key.startsWith(p)));
});
onChange('memo', (db, key) => markStale(memos.get(db), (k) => key !== undefined && k !== key));

/** Drops the rollups of a database (all of them, or the listed KPI ids) after a change to their records. */
export function forgetRollups(db: Db, ids?: readonly string[]) {
  announce(db, 'rollups', ids?.join(','));
}

/** The KPIs each module's records move: a module's KPIs are the catalogue's entries of that module. */
const KPIS_OF_MODULE = new Map(ModuleKey.options.map((m) => [m, KPI_CATALOGUE.filter((k) => k.module === m).map((k) => k.id)]));

/**
 * After a successful write of an area: a module's write (its own area or a role of it, `funding:aid`) drops that
 * module's KPIs, or only those it declares it `moves`; any other area's (the platform's registry, the plan, the
 * administrators') drops them all — rare writes, and the registry is every KPI's denominator.
 */
export function forgetAfterWrite(db: Db, area: Area, moves?: readonly KpiId[]) {
  const module = ModuleKey.safeParse(area.split(':')[0]);
  if (!module.success) return forgetRollups(db);
  forgetRollups(db, moves ?? KPIS_OF_MODULE.get(module.data));
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
