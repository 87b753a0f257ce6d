import { keepPreviousData, useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import type { Ownership, SchoolLevel } from '@hyedu/domain';
import { useRoute, useRouter } from 'vue-router';
import { unitLabel, useLocaleStore } from '@hyedu/ui';
import { parseSchoolQuery, type SchoolQuery, type SchoolQueryField } from './school-query.ts';
import { trpc } from './trpc.ts';

/** What every school list row has (each module's procedure may add more). */
export interface SchoolListRow {
  id: number;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  level: SchoolLevel;
  ownership: Ownership;
  town?: string;
  isBoarding?: boolean;
  students: number;
}

interface Page<R> {
  total: number;
  rows: R[];
}

/**
 * A server-paginated school list whose filters live in the URL (so any county row or KPI can link to it).
 * `key` names the query for caching; `fetch` calls the module's own procedure with the filters.
 */
export function useSchoolList<R>(key: string, fields: readonly SchoolQueryField[], fetch: (q: SchoolQuery) => Promise<Page<R>>) {
  const route = useRoute();
  const router = useRouter();
  const locale = useLocaleStore();
  const filters = computed(() => parseSchoolQuery(route.query, fields));
  const units = useQuery({ queryKey: ['platform.units'], queryFn: () => trpc.platform.units.query() });
  const list = useQuery({ queryKey: computed(() => [key, filters.value]), queryFn: () => fetch(filters.value), placeholderData: keepPreviousData });
  const unitByCode = computed(() => new Map((units.data.value ?? []).map((u) => [u.code, u])));

  /** Changes filters (each change goes back to page 1). */
  const setQuery = (patch: Record<string, string | undefined>) => router.replace({ query: { ...route.query, page: undefined, ...patch } });
  const setPage = (p: number) => router.replace({ query: { ...route.query, page: p > 1 ? String(p) : undefined } });
  /** The row's county label (局直学校 for the city's own schools). */
  const unitOf = (r: { unitCode: string; unitName: string }) =>
    unitLabel(unitByCode.value.get(r.unitCode) ?? { kind: '', name: r.unitName }, locale.locale);
  /** The row's county is data (lang="zh-CN"); the city's own label is translated. */
  const unitLang = (r: { unitCode: string }) => (unitByCode.value.get(r.unitCode)?.kind === 'city' ? undefined : 'zh-CN');
  /** The filtered county, for a page's lead line. */
  const filteredUnit = computed(() => (filters.value.unitCode ? unitByCode.value.get(filters.value.unitCode) : undefined));

  return { filters, units, list, setQuery, setPage, unitOf, unitLang, filteredUnit };
}
