import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName, lt, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './audit.ts';
import type { Db } from './client.ts';
import { importStaging } from './schema/index.ts';

/** One checked row of an import: its sheet row number and its values under the real table's property names. */
export interface StagedRow {
  rowNumber: number;
  values: Record<string, unknown>;
}

/**
 * Waits, after a chunk, as long as that chunk kept the database busy (at most 50 ms). A request of another user is
 * several statements in a row; yielding one turn of the event loop lets only its first statement in before the next
 * chunk (PGlite serves one statement at a time), so each chunk gives the database back for as long as it took it.
 */
export const giveWay = (since: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(50, Math.max(1, performance.now() - since))));

/** A new import's id (the staging rows' `job`). */
export const newImportJob = (): string => randomUUID();

/** The rows of a raw statement's result (node-postgres and PGlite both answer { rows }). */
const rowsOf = <R>(result: unknown): R[] => [...(result as { rows: R[] }).rows];

/** The table's column name (the schema uses snake_case casing) for each property name. */
export function columnNames(table: PgTable, keys: readonly string[]): string[] {
  const columns = getTableColumns(table);
  return keys.map((k) => {
    const col = columns[k];
    if (!col) throw new Error(`${getTableName(table)} has no column ${k}`);
    return col.keyAsName ? toSnakeCase(col.name) : col.name;
  });
}

/**
 * Writes checked rows to the staging table `chunkRows` at a time. Each chunk is one statement — its own short
 * transaction — so requests queued behind it (PGlite has one connection) run between chunks, and no lock is held
 * across the import. With `reserveIdsOf`, every row gets the next id of that table's serial `id`, so the ids an import
 * creates are known before it publishes. Returns the reserved ids in row order (or null).
 */
export async function stageRows(
  db: Db,
  job: string,
  table: PgTable,
  rows: readonly StagedRow[],
  opts: { chunkRows: number; reserveIds: boolean; onChunk?: (written: number) => void },
): Promise<number[] | null> {
  if (rows.length === 0) return opts.reserveIds ? [] : null;
  const keys = Object.keys(rows[0]!.values);
  const names = columnNames(table, keys);
  const ids: number[] = [];
  const idExpr = opts.reserveIds ? sql`nextval(pg_get_serial_sequence(${getTableName(table)}, 'id'))::int` : sql`null`;
  for (let i = 0; i < rows.length; i += opts.chunkRows) {
    const started = performance.now();
    const chunk = rows
      .slice(i, i + opts.chunkRows)
      .map((r, j) => ({ s: i + j, r: r.rowNumber, v: Object.fromEntries(keys.map((k, c) => [names[c], r.values[k] ?? null])) }));
    const result = await db.execute(sql`
      insert into ${importStaging} (job, seq, row_number, target_id, payload)
      select ${job}::uuid, (e->>'s')::int, (e->>'r')::int, ${idExpr}, e->'v' from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) e
      returning seq, target_id`);
    if (opts.reserveIds)
      for (const r of rowsOf<{ seq: number; target_id: number | null }>(result).sort((a, b) => a.seq - b.seq))
        ids.push(Number(r.target_id));
    opts.onChunk?.(Math.min(rows.length, i + opts.chunkRows));
    await giveWay(started);
  }
  return opts.reserveIds ? ids : null;
}

/**
 * Moves an import's staged rows into `table` in one statement, inside the caller's (publish) transaction: with the
 * reserved ids when they were reserved, and `onConflict` (e.g. `on conflict (…) do update …`) for upserts. `keys`
 * are the payload's property names. Returns what `returning` selects.
 */
export async function publishStaged<R extends Record<string, unknown>>(
  tx: Tx,
  job: string,
  table: PgTable,
  opts: { keys: readonly string[]; withIds: boolean; onConflict?: SQL; returning: SQL; oneConnection?: boolean },
): Promise<R[]> {
  const names = columnNames(table, opts.keys);
  const name = sql.identifier(getTableName(table));
  const into = [...(opts.withIds ? ['id'] : []), ...names].map((n) => sql.identifier(n));
  const from = [...(opts.withIds ? [sql`s.target_id`] : []), ...names.map((n) => sql`r.${sql.identifier(n)}`)];
  const insert = sql`
    insert into ${name} (${sql.join(into, sql`, `)})
    select ${sql.join(from, sql`, `)} from ${importStaging} s cross join lateral jsonb_populate_record(null::${name}, s.payload) r
    where s.job = ${job}::uuid
    ${opts.onConflict ?? sql``}
    returning ${opts.returning}`;
  if (!opts.oneConnection || !(await checkReferencesAtOnce(tx, job, table))) return rowsOf<R>(await tx.execute(insert));
  await tx.execute(sql`set local session_replication_role = replica`);
  const result = await tx.execute(insert);
  await tx.execute(sql`set local session_replication_role = origin`);
  return rowsOf<R>(result);
}

/**
 * On a database with one connection (PGlite), a large publish spends half its time in the per-row checks of the
 * table's foreign keys, and every other request waits for it. There the staged rows' references are checked once for
 * the whole set — the same answer, since nothing else can run inside the publish — and the insert alone skips the
 * per-row checks. Returns false (use the per-row checks) when the table has any trigger besides those of its foreign
 * keys, or a foreign key of several columns; throws, like the foreign key would, when a reference is missing.
 */
async function checkReferencesAtOnce(tx: Tx, job: string, table: PgTable): Promise<boolean> {
  const name = getTableName(table);
  const own = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from pg_trigger where tgrelid = ${name}::regclass and not tgisinternal`),
  );
  const keys = getTableConfig(table).foreignKeys.map((fk) => fk.reference());
  if (own[0]!.n > 0 || keys.some((k) => k.columns.length !== 1)) return false;
  const refs = keys.map((k) => {
    const column = k.columns[0]!;
    const [col] = columnNames(table, [Object.entries(getTableColumns(table)).find(([, c]) => c === column)![0]]);
    const [fcol] = columnNames(k.foreignTable, [
      Object.entries(getTableColumns(k.foreignTable)).find(([, c]) => c === k.foreignColumns[0])![0],
    ]);
    const value = sql`(s.payload->>${col!})::${sql.raw(column.getSQLType())}`;
    return {
      text: `${name}.${col} → ${getTableName(k.foreignTable)}.${fcol}`,
      missing: sql`(${value} is not null and not exists (select 1 from ${k.foreignTable} f where f.${sql.identifier(fcol!)} = ${value}))`,
    };
  });
  if (refs.length === 0) return true;
  const bad = rowsOf<{ ref: number }>(
    await tx.execute(sql`
    select case ${sql.join(
      refs.map((r, i) => sql`when ${r.missing} then ${i}`),
      sql` `,
    )} end as ref
    from ${importStaging} s where s.job = ${job}::uuid and (${sql.join(
      refs.map((r) => r.missing),
      sql` or `,
    )}) limit 1`),
  );
  if (bad.length) throw new Error(`导入的行引用了不存在的记录（${refs[Number(bad[0]!.ref)]!.text}）`);
  return true;
}

/**
 * Removes an import's staging rows (after it published, or when it failed), `chunkRows` at a time so that requests
 * queued behind it run in between.
 */
export async function dropStaged(db: Db, job: string, chunkRows = 500): Promise<void> {
  for (;;) {
    const started = performance.now();
    const gone = await db.execute(sql`
      delete from ${importStaging} where job = ${job}::uuid and seq in (select seq from ${importStaging} where job = ${job}::uuid order by seq limit ${chunkRows})
      returning seq`);
    if (rowsOf(gone).length < chunkRows) return;
    await giveWay(started);
  }
}

/** Removes staging rows older than `minutes`: those of imports that died (a crash, a restart) before cleaning up. */
export async function dropStaleStaging(db: Db, minutes: number): Promise<number> {
  const gone = await db
    .delete(importStaging)
    .where(lt(importStaging.stagedAt, sql`now() - make_interval(mins => ${minutes}::int)`))
    .returning({ job: importStaging.job });
  return gone.length;
}

/**
 * The ids an import created, compactly: runs of consecutive ids whose sheet rows are consecutive too, each as
 * [first id, last id, first row]. Typically one run for a whole file; the record with id x of run [a, b, r] came
 * from row r + (x − a).
 */
export function idRuns(pairs: readonly { id: number; rowNumber: number }[]): [number, number, number][] {
  const sorted = [...pairs].sort((a, b) => a.id - b.id);
  const runs: [number, number, number][] = [];
  for (const p of sorted) {
    const last = runs.at(-1);
    if (last && p.id === last[1] + 1 && p.rowNumber === last[2] + (p.id - last[0])) last[1] = p.id;
    else runs.push([p.id, p.id, p.rowNumber]);
  }
  return runs;
}
