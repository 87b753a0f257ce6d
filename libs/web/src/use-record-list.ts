import { useQuery } from '@tanstack/vue-query';
import { computed, type MaybeRefOrGetter } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useInvalidate, type QueryNode } from './api.ts';
import type { ListFilter } from './list-query.ts';
import { useExport, type Base64File } from './use-export.ts';

/** What every list procedure answers: one page of rows and the number of rows matching the filters. */
export interface ListPage<R> {
  total: number;
  rows: R[];
}
interface ListQueryOf<Q> {
  parse(query: Record<string, unknown>): Q;
  filterOf(q: Q): ListFilter<Q>;
  filtered(q: Q): boolean;
}
export interface RecordListOptions<Q extends { page: number; pageSize: number }, I, O extends ListPage<unknown>> {
  /** The list procedure, e.g. `api.safety.hazards`. */
  source: QueryNode<I, O>;
  /** The list's filters, declared with defineListQuery. */
  query: ListQueryOf<Q>;
  /** The procedure's input from the filters (default: the filters themselves). */
  input?: (q: Q) => I;
  enabled?: MaybeRefOrGetter<boolean>;
  /** The export of every row matching the same filters (an export procedure answers a file and its row count). */
  exporter?: (filter: ListFilter<Q>) => Promise<Base64File & { rows: number }>;
}

/**
 * A filtered, paged list whose filters live in the URL (any row elsewhere can link to it, and a link can be shared),
 * read from one procedure; its export takes the same filters. A page keeps only its columns, its filter controls and
 * this one call.
 */
export function useRecordList<Q extends { page: number; pageSize: number }, I, O extends ListPage<unknown>>(opts: RecordListOptions<Q, I, O>) {
  const route = useRoute();
  const router = useRouter();
  const invalidate = useInvalidate();
  const filters = computed(() => opts.query.parse(route.query));
  const input = computed(() => (opts.input ? opts.input(filters.value) : (filters.value as unknown as I)));
  const list = useQuery(opts.source.queryOptions(input, { keepPrevious: true, enabled: opts.enabled }));
  const rows = computed<O['rows']>(() => list.data.value?.rows ?? []);
  const total = computed(() => list.data.value?.total);
  const filtered = computed(() => opts.query.filtered(filters.value));

  /** Changes filters by their URL parameters; each change goes back to page 1. */
  const setQuery = (patch: Record<string, string | undefined>) => router.replace({ query: { ...route.query, page: undefined, ...patch } });
  const setPage = (p: number) => router.replace({ query: { ...route.query, page: p > 1 ? String(p) : undefined } });
  /** Reloads the list (every page of it) after a change. */
  const refresh = () => invalidate(opts.source);

  const exporting = useExport();
  /** Exports every row matching the list's filters; the file, or null with `exportError` set. */
  const exportRows = () => (opts.exporter ? exporting.run(() => opts.exporter!(opts.query.filterOf(filters.value))) : Promise.resolve(null));

  return { filters, input, list, rows, total, filtered, setQuery, setPage, refresh, exportRows, exportBusy: exporting.busy, exportError: exporting.error };
}
