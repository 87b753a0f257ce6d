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

/**
 * Runs `load` with the tables' foreign keys and secondary indexes set aside, then puts them back from their own
 * definitions in the catalog (PostgreSQL's advice for populating a database: build indexes and check foreign keys
 * once over the loaded rows rather than row by row). Adding the constraints back checks every row, and it is all one
 * transaction: a failure leaves nothing behind. The schema stays the one source of the definitions.
 */
export async function withBulkLoad<T>(tx: Tx, tables: readonly PgTable[], load: () => Promise<T>): Promise<T> {
  const restore: string[] = [];
  for (const table of tables) {
    const name = getTableName(table);
    const fks = await tx
      .select({ name: sql<string>`conname`, def: sql<string>`pg_get_constraintdef(oid)` })
      .from(sql`pg_constraint`)
      .where(sql`conrelid = ${name}::regclass and contype = 'f'`);
    const indexes = await tx
      .select({ name: sql<string>`i.relname`, def: sql<string>`pg_get_indexdef(x.indexrelid)` })
      .from(sql`pg_index x join pg_class i on i.oid = x.indexrelid`)
      .where(sql`x.indrelid = ${name}::regclass and not x.indisprimary and not x.indisunique`);
    for (const fk of fks) {
      await tx.execute(sql`alter table ${sql.identifier(name)} drop constraint ${sql.identifier(fk.name)}`);
      restore.push(`alter table "${name}" add constraint "${fk.name}" ${fk.def}`);
    }
    for (const ix of indexes) {
      await tx.execute(sql`drop index ${sql.identifier(ix.name)}`);
      restore.push(ix.def);
    }
  }
  const out = await load();
  for (const statement of restore) await tx.execute(sql.raw(statement));
  return out;
}
