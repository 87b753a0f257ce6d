import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGYANG_MODULES } from '@hyedu/domain/hengyang';
import type { Database } from './client.ts';
import { addModuleOrigin, listModuleOrigins, RegistryRefusal, removeModuleOrigin } from './module-origins.ts';
import { setModuleEntry } from './registry.ts';
import { modules } from './schema/index.ts';
import { openTestDatabase, testEngines } from './testing.ts';

const cli = { actor: 'cli:test', source: 'cli' };
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      e instanceof RegistryRefusal
        ? `${e.code} ${e.message}`
        : e instanceof Error && e.name === 'ZodError'
          ? (e as Error & { issues: { path: string[]; message: string }[] }).issues
              .map((i) => `${i.path.join('.')}: ${i.message}`)
              .join('；')
          : String(e),
  );

// What `pnpm registry set` and `pnpm registry origin …` do: the same rule as the 模块登记 page.
describe.each(testEngines())('module registry entries and allowed origins on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, false);
    await database.db.insert(modules).values(HENGYANG_MODULES.map((m) => ({ ...m })));
  });
  afterAll(() => database?.close());
  const entryOf = async (key: string) =>
    (await database.db.select({ e: modules.remoteEntry }).from(modules).where(eq(modules.key, key)))[0]?.e;

  it('refuses an entry on an origin that is not allow-listed, and accepts it once listed', async () => {
    expect(await refusal(setModuleEntry(database, 'safety', { remoteEntry: 'https://dept.example/remoteEntry.js' }, cli))).toBe(
      'remoteEntry: 入口地址的来源 https://dept.example 不在模块来源名单中，请先登记该来源',
    );
    expect(await refusal(setModuleEntry(database, 'safety', { remoteEntry: '//dept.example/remoteEntry.js' }, cli))).toBe(
      'remoteEntry: 入口地址应为以 / 开头的路径或 http(s) 地址',
    );
    expect(await entryOf('safety')).toBe('/mf/safety/remoteEntry.js');
    await addModuleOrigin(database, { origin: 'https://dept.example', note: '安全稳定科' }, cli);
    await setModuleEntry(database, 'safety', { remoteEntry: 'https://dept.example/remoteEntry.js' }, cli);
    expect(await entryOf('safety')).toBe('https://dept.example/remoteEntry.js');
    expect(await refusal(removeModuleOrigin(database, { origin: 'https://dept.example', expectedVersion: 1 }, cli))).toBe(
      'BAD_REQUEST 模块「安全管理」仍从该来源加载，请先修改其入口地址',
    );
    expect(await refusal(addModuleOrigin(database, { origin: 'https://dept.example/x', note: '路径' }, cli))).toBe(
      ': 来源只含协议、主机名和端口，不含路径',
    );
  });

  it('moving an entry to an origin while the origin is being removed never leaves an entry on an unlisted origin', async () => {
    await setModuleEntry(database, 'safety', { remoteEntry: '/mf/safety/remoteEntry.js' }, cli);
    await addModuleOrigin(database, { origin: 'https://race.example', note: '竞争' }, cli);
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled([
        setModuleEntry(database, 'teachers', { remoteEntry: 'https://race.example/remoteEntry.js' }, cli),
        removeModuleOrigin(database, { origin: 'https://race.example', expectedVersion: 1 }, cli),
      ]);
      const listed = (await listModuleOrigins(database.db)).includes('https://race.example');
      const entry = await entryOf('teachers');
      expect(listed || !entry?.startsWith('https://race.example/'), `round ${round}: ${results.map((r) => r.status).join(', ')}`).toBe(
        true,
      );
      // Back to the start for the next round.
      await setModuleEntry(database, 'teachers', { remoteEntry: '/mf/teachers/remoteEntry.js' }, cli);
      if (!listed) await addModuleOrigin(database, { origin: 'https://race.example', note: '竞争' }, cli);
    }
  });
});
