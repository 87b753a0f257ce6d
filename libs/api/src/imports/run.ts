// What every import does around its own rules: parse the file in the worker, stage the checked rows in short chunks,
// publish them in one short transaction with one audit record, and report progress all along.
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  dropStaged,
  dropStaleStaging,
  idRuns,
  newImportJob,
  publishStaged,
  stageRows,
  tables,
  type Db,
  type StagedRow,
  type Tx,
} from '@hyedu/db';
import { IMPORT_LIMITS, type DataScope } from '@hyedu/domain';
import { checkFileName, ExcelFileError, formatRowError, type RowError } from '@hyedu/excel';
import { auditChange } from '../audit-change.ts';
import type { AuthedContext } from '../context.ts';
import { scopeCondition } from '../queries.ts';
import { parseInWorker, type ParseBounds } from './parse.ts';
import type { ParseArgs, ParseKind, ParseResult } from './parsers.ts';
import { trackImport, type ImportTracker } from './progress.ts';
import type { SchoolRef } from './school-sheet.ts';

/** The schools of the caller's scope (and matching `where`, if given) a file may name, as the parsing worker takes them. */
export async function schoolRefs(db: Db, scope: DataScope, where?: SQL): Promise<SchoolRef[]> {
  const { schools } = tables;
  const rows = await db
    .select({ code: schools.code, id: schools.id, unitCode: schools.unitCode })
    .from(schools)
    .where(and(scopeCondition(scope), where));
  return rows.map((s) => [s.code, s.id, s.unitCode] as const);
}

/** At most this many problems travel back to the page (all are counted). */
const MAX_ERRORS_SHOWN = 200;

/** An import's upload as the procedures receive it. */
export interface ImportRequest {
  fileName: string;
  base64: string;
  dryRun: boolean;
  progressKey?: string | undefined;
}

/** Runs an import with its progress tracked under the page's key: done when it returns, failed when it throws. */
export async function tracked<R>(
  ctx: AuthedContext,
  input: ImportRequest,
  run: (tracker: ImportTracker, file: Buffer) => Promise<R>,
): Promise<R> {
  const tracker = trackImport(ctx.identity.username, input.progressKey);
  try {
    const result = await run(tracker, Buffer.from(input.base64, 'base64'));
    tracker.set({ phase: 'done' });
    return result;
  } catch (e) {
    tracker.set({ phase: 'failed' });
    throw e;
  }
}

/** Parses an upload in the worker; a file problem (wrong type, damaged, too large, too slow to parse) is a 400 in Chinese. */
export async function parseUpload<K extends ParseKind>(
  tracker: ImportTracker,
  fileName: string,
  file: Buffer,
  kind: K,
  args: ParseArgs<K>,
  bounds?: ParseBounds,
): Promise<ParseResult<K>> {
  try {
    checkFileName(fileName);
    return await parseInWorker(kind, file, args, {
      bounds,
      onProgress: (e) => tracker.set('parsed' in e ? { phase: 'checking', parsed: e.parsed, total: e.parsed } : { checked: e.checked }),
    });
  } catch (e) {
    if (e instanceof ExcelFileError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
    throw e;
  }
}

/** The answer of a dry run, or of an import refused for its problems: every problem counted, the first 200 listed. */
export function checkedAnswer(rows: number, errors: RowError[]) {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return { imported: 0, rows, errors: sorted.slice(0, MAX_ERRORS_SHOWN).map(formatRowError), errorCount: sorted.length };
}

/**
 * Stages the rows in chunks (short transactions: other requests run between them and nobody waits for the audit
 * head), then calls `publish` in one transaction that moves them into the real table. The staging rows are removed
 * whether it succeeds or fails; those of an import that died are removed by the next import.
 */
export async function stageAndPublish<R>(
  db: Db,
  tracker: ImportTracker,
  opts: {
    table: PgTable;
    rows: readonly StagedRow[];
    reserveIds: boolean;
    publish: (tx: Tx, job: string, ids: number[] | null) => Promise<R>;
  },
): Promise<R> {
  await dropStaleStaging(db, IMPORT_LIMITS.stagingTtlMinutes);
  const job = newImportJob();
  tracker.set({ phase: 'writing', written: 0 });
  try {
    const ids = await stageRows(db, job, opts.table, opts.rows, {
      chunkRows: IMPORT_LIMITS.stageChunkRows,
      reserveIds: opts.reserveIds,
      onChunk: (written) => tracker.set({ written }),
    });
    tracker.set({ phase: 'publishing' });
    return await db.transaction((tx) => opts.publish(tx, job, ids));
  } finally {
    await dropStaged(db, job);
  }
}

export const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/** The `after` of an import's audit record. `ids`: runs [first id, last id, first sheet row] (see idRuns). */
export interface ImportAudit {
  file: string;
  sha256: string;
  rows: number;
  ids: [number, number, number][];
  [more: string]: unknown;
}

/** The audit target of imports into a record type: a record's history reads it (history.ts). */
export const importTarget = (targetType: string) => `${targetType}:import`;

/**
 * One audit record for a whole import, in the publish transaction: who, the file's name and SHA-256, how many rows and
 * which records they became (with their sheet rows), so each record's 「操作记录」 can show that it was imported.
 */
export async function writeImportAudit(
  tx: Tx,
  ctx: AuthedContext,
  e: {
    action: string;
    targetType: string;
    fileName: string;
    file: Buffer;
    records: { id: number; rowNumber: number }[];
    /** What else the record should say (e.g. the school year an import replaced). */
    also?: Record<string, unknown>;
  },
) {
  const ids = idRuns(e.records);
  const first = ids[0]?.[0];
  const last = Math.max(...ids.map((r) => r[1]));
  const after: ImportAudit = { file: e.fileName, sha256: sha256(e.file), rows: e.records.length, ids, ...e.also };
  await auditChange(tx, ctx, {
    action: e.action,
    targetType: importTarget(e.targetType),
    targetId: first === undefined ? '' : `${first}-${last}`,
    after,
  });
}

/**
 * An import of new records, the same way for every record type: the rows staged, then published in one transaction
 * with ids reserved beforehand, the count checked, and one audit record naming the records and their sheet rows.
 */
export async function importNewRecords(
  ctx: AuthedContext,
  tracker: ImportTracker,
  o: { table: PgTable; rows: readonly StagedRow[]; action: string; targetType: string; fileName: string; file: Buffer },
) {
  if (o.rows.length === 0) return;
  await stageAndPublish(ctx.db, tracker, {
    table: o.table,
    rows: o.rows,
    reserveIds: true,
    publish: async (tx, job, ids) => {
      const created = await publishStaged<{ id: number }>(tx, job, o.table, {
        keys: Object.keys(o.rows[0]!.values),
        withIds: true,
        returning: sql`id`,
        oneConnection: ctx.engine === 'pglite',
      });
      if (created.length !== o.rows.length) throw new Error(`导入写入 ${created.length} 行，应为 ${o.rows.length} 行`);
      await writeImportAudit(tx, ctx, {
        action: o.action,
        targetType: o.targetType,
        fileName: o.fileName,
        file: o.file,
        records: ids!.map((id, i) => ({ id, rowNumber: o.rows[i]!.rowNumber })),
      });
    },
  });
}
