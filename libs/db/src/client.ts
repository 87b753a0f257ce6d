import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { listenChannel, withAdvisoryLock, type Listener } from './cluster.ts';
import { followPrimary, parseHosts } from './hosts.ts';
import * as schema from './schema/index.ts';
import type { Secrets } from './secrets.ts';
import { openStandby, type Standby } from './standby.ts';

export type Schema = typeof schema;
/** One type for both engines: drizzle's pg-core database over our schema. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the data lives: a folder, 'memory', or the PostgreSQL URL without its password. */
  location: string;
  /** HMAC key of the audit chain (from configuration, never from the database); the same as keys.auditKey. */
  auditKey: Buffer;
  /** All keys from configuration: audit chain, field encryption, blind index. */
  keys: Secrets;
  /**
   * Runs `fn` with no other instance running the job `name` at the same time: waits for one that is (PostgreSQL's
   * advisory lock; PGlite has one user). Migrations and the demo data at start.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` unless another instance is running the job `name` right now (then resolves `{ ran: false }`). */
  ifFree<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Listens on a notification channel of PostgreSQL; null on PGlite (one process: nobody else to hear). */
  listen(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<Listener | null>;
  /** A PostgreSQL standby that lists may be read from (standby.ts), when one is configured. */
  standby: Standby | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string. When set, PostgreSQL is used. */
  url?: string | undefined;
  /** PGlite data folder, or 'memory' for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** For PGlite: a data-folder image to start from (a test database copied from a seeded one; a backup restored into an empty folder). */
  image?: Blob | undefined;
  /** Pool size for PostgreSQL (the standby's pool too). */
  poolMax?: number;
  /** A standby of the PostgreSQL primary to read lists from (PostgreSQL only). */
  standbyUrl?: string | undefined;
  /** A standby further behind than this is not read (default 5 s). */
  standbyMaxLagMs?: number | undefined;
  /** Keys from configuration: see loadSecrets(). */
  keys: Secrets;
}

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
export const defaultDataDir = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite
 * (a folder under the repo by default, or in memory). Migrations are not run here: see migrate().
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.standbyUrl && !opts.url)
    throw new Error('只有 PostgreSQL 主库可以配置备用库（DATABASE_STANDBY_URL 需与 DATABASE_URL 一同设置）');
  if (opts.url) {
    // Several hosts (a primary and its standbys): new connections go to whichever accepts writes now (hosts.ts).
    const hosts = parseHosts(opts.url);
    const finder =
      hosts && hosts.endpoints.length > 1
        ? followPrimary(hosts, { onMove: (from, to) => console.warn(`主库已切换：${from.host}:${from.port} → ${to.host}:${to.port}`) })
        : null;
    await finder?.find();
    // JIT and parallel workers off: the platform's queries are short (a page, a count, a rollup) and many run at once.
    // Compiling one costs tens of milliseconds, chosen when the planner overprices a correlated subquery; a parallel scan
    // takes every core for one request (measured here: a city-wide count 101 ms with two workers, 39 ms without).
    const pool = new pg.Pool({
      connectionString: finder?.url() ?? opts.url,
      ...(finder ? { Client: connectingTo(finder.url) } : {}),
      max: opts.poolMax ?? 10,
      // A server that does not answer (a host lost, a network cut) fails the request in seconds, as one that refuses does.
      connectionTimeoutMillis: 5000,
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
    });
    // An idle connection the server drops (restart, failover, admin) must not crash the process: the pool
    // replaces it on the next query, and a query that fails reports its own error.
    pool.on('error', (e) => console.error(`PostgreSQL 空闲连接中断：${e.message}`));
    // A connection lost while checked out (a transaction between two statements, a job holding an advisory lock) emits
    // 'error' on its client, which without a listener ends the process: the statement that uses it next fails instead,
    // and the request is answered 503 (found by the drill that stops the database mid-import).
    pool.on('connect', (client) => client.on('error', () => undefined));
    // Fail fast with a clear message if the server is not there.
    const client = await pool.connect().catch(async (e: unknown) => {
      await pool.end();
      finder?.close();
      throw new Error(`无法连接 PostgreSQL（${redact(opts.url ?? '')}）：${(e as Error).message}`);
    });
    client.release();
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    const url = opts.url;
    const standby = opts.standbyUrl
      ? await openStandby({
          url: opts.standbyUrl,
          primary: pool,
          poolMax: opts.poolMax,
          maxLagMs: opts.standbyMaxLagMs,
          onStatus: (s) => console.warn(s.status === 'up' ? '备用库正常，列表从备用库读取' : `列表改读主库：${s.reason}`),
        })
      : null;
    return {
      db,
      engine: 'postgresql',
      location: redact(url),
      auditKey: opts.keys.auditKey,
      keys: opts.keys,
      exclusive: async (name, fn) => {
        const run = await withAdvisoryLock(pool, name, true, fn);
        if (!run.ran) throw new Error(`未能取得作业锁：${name}`);
        return run.value;
      },
      ifFree: (name, fn) => withAdvisoryLock(pool, name, false, fn),
      listen: (channel, onMessage, onGap) => listenChannel(finder?.url ?? url, channel, onMessage, onGap),
      standby,
      close: async () => {
        await standby?.close();
        finder?.close();
        await pool.end();
      },
    };
  }
  const dir = opts.dataDir ?? defaultDataDir;
  if (dir !== 'memory') writableFolder(dir);
  // pg_trgm: the trigram indexes of text search (PostgreSQL ships it in its contrib package).
  const extensions = { pg_trgm };
  const start = opts.image ? { loadDataDir: opts.image, extensions } : { extensions };
  const client = dir === 'memory' ? new PGlite(start) : new PGlite(dir, start);
  await client.waitReady.catch((e: unknown) => {
    throw new Error(
      `无法打开嵌入式数据库（${dir}）：${String((e as Error).message ?? e)
        .split('\n')[0]!
        .slice(0, 200)}`,
    );
  });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    location: dir,
    auditKey: opts.keys.auditKey,
    keys: opts.keys,
    exclusive: (_name, fn) => fn(),
    ifFree: async (_name, fn) => ({ ran: true, value: await fn() }),
    listen: async () => null,
    standby: null,
    close: () => client.close(),
  };
}

/** A client class that opens each new connection to the URL `url()` names at that moment (the pool's `Client`). */
function connectingTo(url: () => string) {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? {} : config), connectionString: url() });
    }
  };
}

const FOLDER_FAULTS: Record<string, string> = {
  EROFS: '所在文件系统是只读的',
  EACCES: '当前用户没有写权限',
  EPERM: '当前用户没有写权限',
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
};

/**
 * The embedded database's folder, created if missing and proven writable (a file written and removed) before PGlite
 * opens it: on a read-only mount or a folder its user may not write, PGlite fails deep inside its WebAssembly with a
 * minified stack; this says what is wrong in Chinese. (Root ignores file modes, not a read-only mount.)
 */
function writableFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.hyedu-write-check-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Error(
      `嵌入式数据库的数据目录不可写（${dir}）：${FOLDER_FAULTS[code] ?? (e as Error).message}。请检查挂载方式、目录权限与磁盘空间后再启动。`,
    );
  }
}

/** Applies the drizzle-kit migrations in libs/db/drizzle; running it twice does nothing. */
export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'postgresql') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}
