import { index, integer, varchar, type ExtraConfigColumn } from 'drizzle-orm/pg-core';
import { orgUnits, schools } from './org.ts';

/**
 * The columns every school record carries: its school, and the school's unit code (a school never changes unit), so
 * county scopes and per-county figures use an index without joining the registry.
 */
export const schoolRef = () =>
  integer()
    .notNull()
    .references(() => schools.id);
export const unitRef = () =>
  varchar({ length: 6 })
    .notNull()
    .references(() => orgUnits.code);

/**
 * A trigram index (pg_trgm, GIN) on a text column: `LIKE '%词%'` and `ILIKE` find their rows from it instead of reading
 * the whole table, for terms of three characters or more (a shorter term has no trigram; the list's scope and filters
 * narrow it first).
 */
export const trigramIndex = (name: string, column: ExtraConfigColumn) => index(name).using('gin', column.op('gin_trgm_ops'));
