import { Ownership, SchoolLevel } from '@hyedu/domain';
import { defineListQuery, oneOf, text, unit, yesNo } from './list-query.ts';

/** The filters a school list may offer, by their URL parameter. */
export type SchoolQueryField = 'unit' | 'level' | 'ownership' | 'boarding' | 'q';
const ALL: readonly SchoolQueryField[] = ['unit', 'level', 'ownership', 'boarding', 'q'];

/** Every school list's filters as they live in the URL (`?unit=&level=&ownership=&boarding=yes|no&q=&page=`). */
export const schoolQuery = defineListQuery({
  unitCode: unit(),
  level: oneOf(SchoolLevel),
  ownership: oneOf(Ownership),
  boarding: yesNo(),
  q: text(),
});
export type SchoolQuery = ReturnType<typeof schoolQuery.parse>;
const FIELD_KEY = { unit: 'unitCode', level: 'level', ownership: 'ownership', boarding: 'boarding', q: 'q' } as const;

/**
 * Reads a school list's URL leniently: anything malformed is simply no filter. Only the fields a page offers controls
 * for are read, so a stray parameter never filters invisibly.
 */
export function parseSchoolQuery(query: Record<string, unknown>, fields: readonly SchoolQueryField[] = ALL): SchoolQuery {
  const q = schoolQuery.parse(query);
  for (const f of ALL) if (!fields.includes(f)) q[FIELD_KEY[f]] = undefined;
  return q;
}
