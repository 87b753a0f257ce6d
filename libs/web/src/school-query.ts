import { DivisionCode, Ownership, SchoolLevel } from '@hyedu/domain';

/** Filters of a school list as they live in the URL, so a row elsewhere (a county, a KPI) can link to them. */
export interface SchoolQuery {
  unitCode?: string;
  level?: SchoolLevel;
  ownership?: Ownership;
  boarding?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}
export type SchoolQueryField = 'unit' | 'level' | 'ownership' | 'boarding' | 'q';

export const PAGE_SIZE = 20;
const ALL: readonly SchoolQueryField[] = ['unit', 'level', 'ownership', 'boarding', 'q'];

const str = (v: unknown) => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() ? s.trim().slice(0, 40) : undefined;
};

/**
 * Reads `?unit=&level=&ownership=&boarding=yes|no&q=&page=` leniently: anything malformed is simply no filter.
 * Only the fields a page offers controls for are read, so a stray parameter never filters invisibly.
 */
export function parseSchoolQuery(query: Record<string, unknown>, fields: readonly SchoolQueryField[] = ALL): SchoolQuery {
  const has = (f: SchoolQueryField) => fields.includes(f);
  const boarding = has('boarding') ? str(query.boarding) : undefined;
  const page = Number(str(query.page));
  return {
    unitCode: has('unit') ? DivisionCode.safeParse(str(query.unit)).data : undefined,
    level: has('level') ? SchoolLevel.safeParse(str(query.level)).data : undefined,
    ownership: has('ownership') ? Ownership.safeParse(str(query.ownership)).data : undefined,
    boarding: boarding === 'yes' ? true : boarding === 'no' ? false : undefined,
    q: has('q') ? str(query.q) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** The URL value of the boarding filter ('' = all), for a radio group. */
export const boardingParam = (b: boolean | undefined): '' | 'yes' | 'no' => (b === undefined ? '' : b ? 'yes' : 'no');
