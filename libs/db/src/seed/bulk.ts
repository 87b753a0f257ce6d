import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../audit.ts';
import { columnNames } from '../staging.ts';

/** The rows of a raw statement's result (node-postgres and PGlite both answer { rows }). */
const rowsOf = <R>(result: unknown): R[] => [...(result as { rows: R[] }).rows];

/**
 * Inserts many rows `chunk` at a time, each chunk one statement with one JSON parameter
 * (`json_populate_recordset`): on PGlite far faster than a multi-row insert with a parameter per value. `rows` use the
 * table's property names (a key missing from a row is null); values must survive JSON (dates as ISO strings, Date objects become ISO timestamps).
 * With `returning`, answers those columns (by their SQL names) of every row inserted, in no particular order.
 */
export async function bulkInsert<R = never>(
  tx: Tx,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  opts: { chunk?: number; returning?: string } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = columnNames(table, keys);
  const cols = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  const out: R[] = [];
  const size = opts.chunk ?? 5000;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size).map((r) => Object.fromEntries(keys.map((k, c) => [names[c], r[k] ?? null])));
    const result = await tx.execute(
      sql`insert into ${name} (${cols}) select ${cols} from json_populate_recordset(null::${name}, ${JSON.stringify(chunk)}::json)${
        opts.returning ? sql.raw(` returning ${opts.returning}`) : sql``
      }`,
    );
    if (opts.returning) out.push(...rowsOf<R>(result));
  }
  return out;
}
