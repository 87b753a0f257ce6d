import { useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import type { Ownership, SchoolLevel } from '@hyedu/domain';
import { unitLabel, useLocaleStore } from '@hyedu/ui';
import { api, type QueryNode } from './api.ts';
import { parseSchoolQuery, schoolQuery, type SchoolQuery, type SchoolQueryField } from './school-query.ts';
import { useRecordList, type ListPage } from './use-record-list.ts';

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

/**
 * A school list is a record list (filters in the URL, so any county row or KPI can link to it) whose filters are the
 * school registry's, read from the module's own procedure.
 */
export function useSchoolList<O extends ListPage<SchoolListRow>>(source: QueryNode<SchoolQuery, O>, fields: readonly SchoolQueryField[]) {
  const locale = useLocaleStore();
  const records = useRecordList({ source, query: { ...schoolQuery, parse: (q) => parseSchoolQuery(q, fields) } });
  const units = useQuery(api.platform.units.queryOptions());
  const unitByCode = computed(() => new Map((units.data.value ?? []).map((u) => [u.code, u])));

  /** The row's county label (局直学校 for the city's own schools). */
  const unitOf = (r: { unitCode: string; unitName: string }) =>
    unitLabel(unitByCode.value.get(r.unitCode) ?? { kind: '', name: r.unitName }, locale.locale);
  /** The row's county is data (lang="zh-CN"); the city's own label is translated. */
  const unitLang = (r: { unitCode: string }) => (unitByCode.value.get(r.unitCode)?.kind === 'city' ? undefined : 'zh-CN');
  /** The filtered county, for a page's lead line. */
  const filteredUnit = computed(() => (records.filters.value.unitCode ? unitByCode.value.get(records.filters.value.unitCode) : undefined));

  return { ...records, units, unitOf, unitLang, filteredUnit };
}
