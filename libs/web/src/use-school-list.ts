import type { Ownership, SchoolLevel } from '@hyedu/domain';
import type { QueryNode } from './api.ts';
import { parseSchoolQuery, schoolQuery, type SchoolQuery, type SchoolQueryField } from './school-query.ts';
import { useRecordList, type ListPage } from './use-record-list.ts';
import { useUnits } from './use-units.ts';

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
  const records = useRecordList({ source, query: { ...schoolQuery, parse: (q) => parseSchoolQuery(q, fields) } });
  return { ...records, ...useUnits(() => records.filters.value.unitCode) };
}
