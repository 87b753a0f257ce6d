import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import { verifyAuditChain, type ChainReport } from './audit.ts';
import { migrate, openDatabase, type Database, type Db, type Engine } from './client.ts';
import type { Secrets } from './secrets.ts';

/**
 * Backups of a whole database and the check that a restore holds what was backed up.
 * - PostgreSQL: pg_dump's custom format (Debian's postgresql-client, the server's major version or newer), taken in the
 *   snapshot the manifest was read in (`pg_dump --snapshot`), so both describe the same moment on a live database;
 *   restored with pg_restore into an empty database in one transaction (all or nothing).
 * - PGlite: its data folder as a gzip'd tar (`dumpDataDir`), restored into an empty folder. PGlite has one user: the
 *   server must be stopped while the command line backs its folder up.
 * Beside the backup, its manifest (`<file>.json`): the engine, when, and each table's rows and fingerprint.
 */
export const MANIFEST_FORMAT = 'hyedu-backup/1';

export interface TableFigure {
  rows: number;
  /** The sum of the rows' md5 (first 60 bits): independent of order, changed by any change to any row. */
  hash: string;
}
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  engine: Engine;
  takenAt: string;
  /** The backup file's SHA-256: a restore refuses a file that is not the one backed up (damaged or replaced). */
  sha256: string;
  tables: Record<string, TableFigure>;
}

export const manifestFile = (file: string) => `${file}.json`;

type Runner = Pick<Db, 'execute'>;
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/** Each table's rows and fingerprint (the public schema and the migrations journal), read in one snapshot. */
export async function fingerprints(db: Db): Promise<Record<string, TableFigure>> {
  return db.transaction((tx) => readFigures(tx), { isolationLevel: 'repeatable read' });
}

async function readFigures(tx: Runner): Promise<Record<string, TableFigure>> {
  // Text forms that do not depend on the session (dates in UTC, ISO style).
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  const tables = rowsOf<{ name: string }>(
    await tx.execute(sql`
      select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in ('public', 'drizzle') order by 1`),
  );
  const out: Record<string, TableFigure> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ rows: number | string; hash: string }>(
      await tx.execute(
        sql.raw(
          `select count(*)::int as rows, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric), 0)::text as hash from ${name} t`,
        ),
      ),
    );
    out[name] = { rows: Number(row!.rows), hash: row!.hash };
  }
  return out;
}

/** The tables whose rows or fingerprint differ between two readings, in words. */
export function differences(expected: Record<string, TableFigure>, actual: Record<string, TableFigure>): string[] {
  const out: string[] = [];
  for (const [name, e] of Object.entries(expected)) {
    const a = actual[name];
    if (!a) out.push(`${name}：恢复后缺少此表`);
    else if (a.rows !== e.rows) out.push(`${name}：行数 ${e.rows} → ${a.rows}`);
    else if (a.hash !== e.hash) out.push(`${name}：内容不同（行数相同）`);
  }
  for (const name of Object.keys(actual)) if (!expected[name]) out.push(`${name}：备份中没有此表`);
  return out;
}

/** Runs a command, resolving when it exits 0; its standard error in the refusal otherwise. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) =>
      reject(new Error(`无法运行 ${command}：${e.message}（需要 PostgreSQL 客户端：apt-get install postgresql-client）`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} 失败（${code}）：${stderr.trim().slice(0, 2000)}`))));
  });
}

/** A connection string as libpq's environment (so no password appears in a process list). */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username) || process.env.PGUSER,
    PGPASSWORD: decodeURIComponent(u.password) || process.env.PGPASSWORD,
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

interface PgliteClient {
  dumpDataDir(compression: 'gzip' | 'none'): Promise<Blob>;
}

/**
 * Backs the database up into `file` (PostgreSQL: `url` is its connection string) and writes the manifest beside it.
 * Answers the manifest and the backup's size in bytes.
 */
export async function backupTo(database: Database, file: string, url?: string): Promise<{ manifest: Manifest; bytes: number }> {
  if (!existsSync(dirname(file))) throw new Error(`备份文件所在的文件夹不存在：${dirname(file)}`);
  let tables: Record<string, TableFigure>;
  if (database.engine === 'postgresql') {
    if (!url) throw new Error('PostgreSQL 备份需要数据库连接串（DATABASE_URL）');
    tables = await database.db.transaction(
      async (tx) => {
        const [snap] = rowsOf<{ id: string }>(await tx.execute(sql`select pg_export_snapshot() as id`));
        const figures = await readFigures(tx);
        // pg_dump reads the same snapshot while this transaction holds it open.
        await run(
          'pg_dump',
          ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snap!.id}`, `--file=${file}`],
          libpqEnv(url),
        );
        return figures;
      },
      { isolationLevel: 'repeatable read' },
    );
  } else {
    tables = await fingerprints(database.db);
    const client = (database.db as unknown as { $client: PgliteClient }).$client;
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()), { mode: 0o600 });
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    engine: database.engine,
    takenAt: new Date().toISOString(),
    sha256: await sha256Of(file),
    tables,
  };
  writeFileSync(manifestFile(file), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  return { manifest, bytes: statSync(file).size };
}

/** A file's SHA-256 in hex, read as a stream (a dump can be large). */
function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Reads a backup's manifest, refusing anything that is not one. */
export function readManifest(file: string): Manifest {
  if (!existsSync(file)) throw new Error(`找不到备份文件：${file}`);
  if (!existsSync(manifestFile(file))) throw new Error(`找不到备份清单：${manifestFile(file)}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile(file), 'utf8')) as Manifest;
  } catch {
    throw new Error(`不是本系统的备份清单：${manifestFile(file)}`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || !manifest.tables || !manifest.sha256)
    throw new Error(`不是本系统的备份清单：${manifestFile(file)}`);
  return manifest;
}

/**
 * Restores a PostgreSQL backup into the empty database at `url` (one transaction: all or nothing). Refuses a database
 * that already holds tables.
 */
async function restorePostgres(file: string, url: string, existing: Db): Promise<void> {
  const manifest = readManifest(file);
  if (manifest.engine !== 'postgresql') throw new Error('这是嵌入式数据库（PGlite）的备份，只能恢复到 PGlite 数据目录');
  const [row] = rowsOf<{ n: number | string }>(
    await existing.execute(sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle')`),
  );
  if (Number(row!.n) > 0) throw new Error('目标数据库不是空的：请恢复到新建的空数据库');
  await run(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv(url).PGDATABASE}`, file],
    libpqEnv(url),
  );
}

/** The image a PGlite backup holds, for `openDatabase({ dataDir, image })`; refuses a folder that is not empty. */
function pgliteImage(file: string, dataDir: string): Blob {
  const manifest = readManifest(file);
  if (manifest.engine !== 'pglite') throw new Error('这是 PostgreSQL 的备份，只能恢复到 PostgreSQL 数据库');
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`目标数据目录不是空的：${dataDir}`);
  return new Blob([readFileSync(file)]);
}

export interface RestoreReport {
  manifest: Manifest;
  engine: Engine;
  tables: number;
  rows: number;
  /** Tables that differ from the manifest (empty: the restore holds exactly what was backed up). */
  differences: string[];
  chain: ChainReport;
  seconds: number;
}

/**
 * Restores `file` into an empty target (PostgreSQL: `url`, an existing empty database; PGlite: `dataDir`, an empty or
 * missing folder), compares every table with the manifest, brings the schema to this release (migrate) and verifies
 * the audit chain with `keys` (the keys of the system that was backed up).
 */
export async function restoreFrom(file: string, target: { url?: string; dataDir?: string }, keys: Secrets): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = readManifest(file);
  if ((await sha256Of(file)) !== manifest.sha256) throw new Error(`备份文件与其清单不符（已损坏或被替换）：${file}`);
  let database: Database;
  if (target.url) {
    database = await openDatabase({ url: target.url, keys });
    try {
      await restorePostgres(file, target.url, database.db);
    } catch (e) {
      await database.close();
      throw e;
    }
  } else {
    if (!target.dataDir) throw new Error('请指定恢复目标：PostgreSQL 连接串或 PGlite 数据目录');
    database = await openDatabase({ dataDir: target.dataDir, keys, image: pgliteImage(file, target.dataDir) });
  }
  try {
    const restored = await fingerprints(database.db);
    const found = differences(manifest.tables, restored);
    await migrate(database);
    const chain = await verifyAuditChain(database.db, keys.auditKey);
    const figures = Object.values(restored);
    return {
      manifest,
      engine: database.engine,
      tables: figures.length,
      rows: figures.reduce((a, t) => a + t.rows, 0),
      differences: found,
      chain,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await database.close();
  }
}
