import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate, openDatabase, type Database, type Engine } from './client.ts';
import type { Secrets } from './secrets.ts';
import { seedDemoData, type SeedOptions } from './seed/index.ts';

/**
 * Engines the integration tests run on: PGlite always; PostgreSQL when HYEDU_TEST_PG_URL is set
 * (the test command sets it when a server answers, and CI requires it).
 */
export function testEngines(): Engine[] {
  return process.env.HYEDU_TEST_PG_URL ? ['pglite', 'postgresql'] : ['pglite'];
}

/**
 * The tests' keys: fixed, so a database seeded by one test process can be copied by another (test data only; a
 * real start loads its keys from configuration and refuses these nowhere because it never sees them).
 */
const testKey = (label: string) => createHash('sha256').update(`hyedu test key: ${label}`).digest();
export const TEST_KEYS: Secrets = { auditKey: testKey('audit'), dataKey: testKey('data'), indexKey: testKey('index') };
export const TEST_AUDIT_KEY = TEST_KEYS.auditKey;

type Seed = Omit<SeedOptions, 'dataKey' | 'indexKey'> | false;

let counter = 0;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const cacheDir = join(tmpdir(), 'hyedu-test-db');

/**
 * What a seeded database depends on: the migrations, the database library and the domain (the seeds read its figures),
 * the seed options and the day (accounts are seeded with today's date, which the password rules read).
 */
let sources: string | undefined;
function cacheKey(seed: Seed): string {
  if (!sources) {
    const hash = createHash('sha256');
    for (const dir of ['libs/db/drizzle', 'libs/db/src', 'libs/domain/src']) {
      const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => !f.endsWith('.test.ts') && /\.(ts|sql|json)$/.test(f))
        .sort();
      for (const f of files) hash.update(f).update(readFileSync(join(root, dir, f)));
    }
    sources = hash.digest('hex');
  }
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}_${createHash('sha256').update(sources).update(JSON.stringify(seed)).digest('hex').slice(0, 20)}`;
}

async function build(database: Database, seed: Seed) {
  await migrate(database);
  // The staff registry (~28,000 people at scale 0.1) only where a test asks for it.
  if (seed) await seedDemoData(database.db, { staffRegistry: false, ...seed, dataKey: TEST_KEYS.dataKey, indexKey: TEST_KEYS.indexKey });
}

/** One piece of work on a connection of its own to the PostgreSQL at `adminUrl` (creating and dropping databases). */
export async function adminQuery<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** `adminUrl` pointing at another database of the same server. */
export const withDatabase = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The template database for a seed on PostgreSQL: built once (under an advisory lock, so parallel test processes
 * build it once) and then copied by `create database … template`; templates of earlier days are dropped.
 */
async function pgTemplate(adminUrl: string, seed: Seed): Promise<string> {
  const key = cacheKey(seed);
  const name = `hyedu_tpl_${key}`;
  return adminQuery(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return name;
      const old = await admin.query(`select datname from pg_database where datname like 'hyedu_tpl_%' and datname < $1`, [
        `hyedu_tpl_${key.slice(0, 8)}`,
      ]);
      for (const r of old.rows as { datname: string }[]) await admin.query(`drop database if exists ${r.datname} with (force)`);
      const building = `${name}_b${process.pid}`;
      await admin.query(`create database ${building}`);
      const database = await openDatabase({ url: withDatabase(adminUrl, building), poolMax: 2, keys: TEST_KEYS });
      try {
        await build(database, seed);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** The PGlite data folder of a seed, as a tarball in the temporary folder (built by the first process that needs it). */
async function pgliteImage(seed: Seed): Promise<Blob> {
  const file = join(cacheDir, `pglite_${cacheKey(seed)}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({ dataDir: 'memory', keys: TEST_KEYS });
  try {
    await build(database, seed);
    const image = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    mkdirSync(cacheDir, { recursive: true });
    const today = file.slice(file.lastIndexOf('pglite_'), file.lastIndexOf('pglite_') + 15);
    for (const f of readdirSync(cacheDir)) if (f.startsWith('pglite_') && f < today) rmSync(join(cacheDir, f), { force: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, file);
    return image;
  } finally {
    await database.close();
  }
}

/**
 * A fresh, migrated (and optionally seeded) database for one test file: a copy of a database built once per seed
 * and day (PostgreSQL: a template database; PGlite: a data-folder image), or, with `fresh`, built from nothing (the
 * tests of the seed's determinism). On PostgreSQL each call creates its own database and drops it on close, so files
 * can run in parallel.
 */
export async function openTestDatabase(engine: Engine, seed: Seed = { scale: 0.1 }, opts: { fresh?: boolean } = {}): Promise<Database> {
  if (engine === 'postgresql') {
    const adminUrl = process.env.HYEDU_TEST_PG_URL;
    if (!adminUrl) throw new Error('HYEDU_TEST_PG_URL is not set');
    const name = `hyedu_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const template = opts.fresh ? null : await pgTemplate(adminUrl, seed);
    await adminQuery(adminUrl, (a) => a.query(template ? `create database ${name} template ${template}` : `create database ${name}`));
    const inner = await openDatabase({ url: withDatabase(adminUrl, name), poolMax: 5, keys: TEST_KEYS });
    const database: Database = {
      ...inner,
      close: async () => {
        await inner.close();
        await adminQuery(adminUrl, (a) => a.query(`drop database if exists ${name} with (force)`));
      },
    };
    if (opts.fresh) await build(database, seed);
    return database;
  }
  if (opts.fresh) {
    const database = await openDatabase({ dataDir: 'memory', keys: TEST_KEYS });
    await build(database, seed);
    return database;
  }
  return openDatabase({ dataDir: 'memory', keys: TEST_KEYS, image: await pgliteImage(seed) });
}
