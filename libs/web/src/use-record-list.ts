import { useQuery } from '@tanstack/vue-query';
import { computed, reactive, type MaybeRefOrGetter } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useInvalidate, type QueryNode } from './api.ts';
import type { ListFilter } from './list-query.ts';
import { useExport, type Base64File } from './use-export.ts';

/** What every list procedure answers: one page of rows and the number of rows matching the filters. */
export interface ListPage<R> {
  total: number;
  rows: R[];
  /** For a list paged by key: the key of this page's last row, which the next page starts after. */
  next?: string | null;
}
interface ListQueryOf<Q> {
  parse(query: Record<string, unknown>): Q;
  filterOf(q: Q): ListFilter<Q>;
  filtered(q: Q): boolean;
}
export interface RecordListOptions<Q extends { page: number; pageSize: number }, I, O extends ListPage<unknown>> {
  /** The list procedure, e.g. `api.safety.hazards.list`. */
  source: QueryNode<I, O>;
  /** The list's filters, declared with defineListQuery. */
  query: ListQueryOf<Q>;
  /** The procedure's input from the filters (default: the filters themselves). */
  input?: (q: Q) => I;
  enabled?: MaybeRefOrGetter<boolean>;
  /** The export of every row matching the same filters (an export procedure answers a file and its row count). */
  exporter?: (filter: ListFilter<Q>) => Promise<Base64File & { rows: number }>;
  /**
   * The list can grow past ten thousand rows and its procedure pages by key: going to the next page puts the previous
   * page's last key in the URL (`?page=&after=`), so the server starts there instead of skipping rows; a shared link
   * keeps both. Any other jump pages by offset.
   */
  keyset?: boolean;
}

/** A list as its table shows it: one page of rows, the count, where the pager stands, and whether it is loading or failed. */
export interface RecordTableList<R> {
  rows: readonly R[];
  total: number | undefined;
  page: number;
  pageSize: number;
  pending: boolean;
  error: unknown;
  setPage: (page: number) => unknown;
}

/** A cursor from the URL as the server issued it (anything else is dropped, and the page is found by offset). */
const cursorParam = (v: unknown): string | undefined => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,300}$/.test(v) ? v : undefined);

/**
 * A filtered, paged list whose filters live in the URL (any row elsewhere can link to it, and a link can be shared),
 * read from one procedure; its export takes the same filters. A page keeps only its columns, its filter controls and
 * this one call.
 */
export function useRecordList<Q extends { page: number; pageSize: number }, I, O extends ListPage<unknown>>(
  opts: RecordListOptions<Q, I, O>,
) {
  const route = useRoute();
  const router = useRouter();
  const invalidate = useInvalidate();
  const filters = computed(() => opts.query.parse(route.query));
  const after = computed(() => (opts.keyset && filters.value.page > 1 ? cursorParam(route.query.after) : undefined));
  const input = computed(() => {
    const base = opts.input ? opts.input(filters.value) : (filters.value as unknown as I);
    return (after.value ? { ...base, after: after.value } : base) as I;
  });
  const list = useQuery(opts.source.queryOptions(input, { keepPrevious: true, enabled: opts.enabled }));
  const rows = computed<O['rows']>(() => list.data.value?.rows ?? []);
  const total = computed(() => list.data.value?.total);
  const filtered = computed(() => opts.query.filtered(filters.value));

  /** Changes filters by their URL parameters; each change goes back to page 1. */
  const setQuery = (patch: Record<string, string | undefined>) =>
    router.replace({ query: { ...route.query, page: undefined, after: undefined, ...patch } });
  /** The next page by key when the server gave this page's last key; any other page by offset. */
  const setPage = (p: number) => {
    const next = !list.isPlaceholderData.value && p === filters.value.page + 1 ? list.data.value?.next : undefined;
    return router.replace({
      query: { ...route.query, page: p > 1 ? String(p) : undefined, after: opts.keyset && next ? next : undefined },
    });
  };
  /** Reloads the list (every page of it) after a change. */
  const refresh = () => invalidate(opts.source);

  const exporting = useExport();
  /** Exports every row matching the list's filters; the file, or null with `exportError` set. */
  const exportRows = () =>
    opts.exporter ? exporting.run(() => opts.exporter!(opts.query.filterOf(filters.value))) : Promise.resolve(null);

  /** Everything `<RecordTable :list="table">` needs: rows, count, pager, loading and error. */
  const table = reactive({
    rows,
    total,
    page: computed(() => filters.value.page),
    pageSize: computed(() => filters.value.pageSize),
    pending: computed(() => list.isPending.value),
    error: computed(() => list.error.value),
    setPage,
  }) as RecordTableList<O['rows'][number]>;

  return {
    filters,
    input,
    list,
    table,
    rows,
    total,
    filtered,
    setQuery,
    setPage,
    refresh,
    exportRows,
    exportBusy: exporting.busy,
    exportError: exporting.error,
  };
}
