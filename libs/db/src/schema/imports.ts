import { index, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Rows of an Excel import on their way into the real table. An import writes its checked rows here in small chunks
 * (short transactions that nobody else waits for), then one short publish transaction moves them all into the real
 * table and the import's rows here are deleted. Nothing reads this table but the import that wrote it; rows older than
 * the domain's staging TTL belong to an import that died and are removed.
 */
export const importStaging = pgTable(
  'import_staging',
  {
    /** The import (a random id per import). */
    job: uuid().notNull(),
    /** Order within the import. */
    seq: integer().notNull(),
    /** The row's number in the sheet (「第57行」, and the record's history). */
    rowNumber: integer().notNull(),
    /** The id the row will have in the real table, reserved from its sequence while staging (null for upserts). */
    targetId: integer(),
    /** The row in the real table's column names. */
    payload: jsonb().notNull(),
    stagedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.seq] }), index('import_staging_staged_idx').on(t.stagedAt)],
);
