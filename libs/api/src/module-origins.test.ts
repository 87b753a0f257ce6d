import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addModuleOrigin, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { forgetModuleOrigins, MODULE_ORIGINS_CACHE_MS, moduleOrigins } from './module-origins.ts';

describe.each(testEngines())('the cached allow-list of module origins on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, false);
  });
  afterAll(() => database?.close());

  it('sees a change made elsewhere within the cache bound, and one made here at once', async () => {
    const t = Date.now();
    expect(await moduleOrigins(database.db, t)).toEqual([]);
    // Another process (the command line) adds an origin: seen once the cached list is older than the bound.
    await addModuleOrigin(database, { origin: 'https://a.example', note: '甲' }, { actor: 'cli:test', source: 'cli' });
    expect(await moduleOrigins(database.db, t + MODULE_ORIGINS_CACHE_MS - 1)).toEqual([]);
    expect(await moduleOrigins(database.db, t + MODULE_ORIGINS_CACHE_MS)).toEqual(['https://a.example']);
    expect(MODULE_ORIGINS_CACHE_MS).toBeLessThanOrEqual(10_000);
    await addModuleOrigin(database, { origin: 'https://b.example', note: '乙' }, { actor: 'cli:test', source: 'cli' });
    forgetModuleOrigins(database.db);
    expect(await moduleOrigins(database.db, t + MODULE_ORIGINS_CACHE_MS)).toEqual(['https://a.example', 'https://b.example']);
  });
});
