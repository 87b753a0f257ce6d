import { integer, varchar } from 'drizzle-orm/pg-core';
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
