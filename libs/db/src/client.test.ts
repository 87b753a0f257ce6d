import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './client.ts';
import { modules, orgUnits, schools } from './schema/index.ts';
import { seedDemoData } from './seed/index.ts';
import { openTestDatabase, TEST_KEYS, testEngines } from './testing.ts';

describe.each(testEngines())('database on %s', (engine) => {
  it('migrates twice without change and seeds once', async () => {
    const database = await openTestDatabase(engine, false);
    try {
      await migrate(database); // second run: nothing to do
      const first = await seedDemoData(database.db, { scale: 0.1, dataKey: TEST_KEYS.dataKey, indexKey: TEST_KEYS.indexKey });
      expect(first.seeded).toBe(true);
      const again = await seedDemoData(database.db, { scale: 0.1, dataKey: TEST_KEYS.dataKey, indexKey: TEST_KEYS.indexKey });
      expect(again).toMatchObject({ seeded: false, schools: first.schools });
      const [units] = await database.db.select({ n: count() }).from(orgUnits);
      expect(units?.n).toBe(14); // the city + 12 GB/T 2260 units + 高新区 (docs/domain/org.md)
      const [m] = await database.db.select({ n: count() }).from(modules);
      expect(m?.n).toBe(4);
      // Each census row carries its school's compulsory pupils: the sum of its 小学 and 初中 enrolment that year.
      const [stray] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(sql`school_census c`)
        .where(
          sql`c.compulsory_pupils <> coalesce((select sum(e.students) from school_enrolment e where e.school_id = c.school_id
            and e.school_year = c.school_year and (e.grade like 'P%' or e.grade like 'J%')), 0)`,
        );
      expect(stray!.n).toBe(0);
      const [pupils] = await database.db.select({ n: sql<number>`sum(compulsory_pupils)::int` }).from(sql`school_census`);
      expect(pupils!.n).toBeGreaterThan(10_000);
    } finally {
      await database.close();
    }
  });
});

describe('embedded PGlite', () => {
  it('keeps its data in a folder across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hyedu-pglite-'));
    try {
      const a = await openDatabase({ dataDir: dir, keys: TEST_KEYS });
      await migrate(a);
      const seeded = await seedDemoData(a.db, { scale: 0.1, dataKey: TEST_KEYS.dataKey, indexKey: TEST_KEYS.indexKey });
      await a.close();
      const b = await openDatabase({ dataDir: dir, keys: TEST_KEYS });
      const [n] = await b.db.select({ n: count() }).from(schools);
      expect(n?.n).toBe(seeded.schools);
      expect(b.engine).toBe('pglite');
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when PostgreSQL is not there', async () => {
    await expect(openDatabase({ url: 'postgres://nobody:secret@127.0.0.1:1/none', keys: TEST_KEYS })).rejects.toThrow(
      /无法连接 PostgreSQL（postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none）/,
    );
  });
});
