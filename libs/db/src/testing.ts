import { randomBytes } from 'node:crypto';
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

let counter = 0;
/** Fresh keys per test run. */
export const TEST_KEYS: Secrets = { auditKey: randomBytes(32), dataKey: randomBytes(32), indexKey: randomBytes(32) };
export const TEST_AUDIT_KEY = TEST_KEYS.auditKey;

/**
 * A fresh, migrated (and optionally seeded) database for one test file.
 * On PostgreSQL each call creates its own database and drops it on close, so files can run in parallel.
 */
export async function openTestDatabase(
  engine: Engine,
  seed: Omit<SeedOptions, 'dataKey' | 'indexKey'> | false = { scale: 0.1 },
): Promise<Database> {
  let database: Database;
  if (engine === 'postgresql') {
    const adminUrl = process.env.HYEDU_TEST_PG_URL;
    if (!adminUrl) throw new Error('HYEDU_TEST_PG_URL is not set');
    const name = `hyedu_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const inner = await openDatabase({ url: url.toString(), poolMax: 5, keys: TEST_KEYS });
    database = {
      ...inner,
      close: async () => {
        await inner.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  } else {
    database = await openDatabase({ dataDir: 'memory', keys: TEST_KEYS });
  }
  await migrate(database);
  // The staff registry (~28,000 people at scale 0.1) only where a test asks for it.
  if (seed) await seedDemoData(database.db, { staffRegistry: false, ...seed, dataKey: TEST_KEYS.dataKey, indexKey: TEST_KEYS.indexKey });
  return database;
}
