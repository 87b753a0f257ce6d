import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { importStaging, safetyHazards, schools } from './schema/index.ts';
import { dropStaged, dropStaleStaging, idRuns, newImportJob, publishStaged, stageRows } from './staging.ts';
import { openTestDatabase, testEngines } from './testing.ts';

describe('id runs of an import', () => {
  it('consecutive ids from consecutive rows are one run; a gap in either starts another', () => {
    expect(
      idRuns([
        { id: 10, rowNumber: 3 },
        { id: 11, rowNumber: 4 },
        { id: 12, rowNumber: 5 },
      ]),
    ).toEqual([[10, 12, 3]]);
    expect(
      idRuns([
        { id: 12, rowNumber: 6 },
        { id: 10, rowNumber: 3 },
        { id: 11, rowNumber: 4 },
        { id: 20, rowNumber: 7 },
      ]),
    ).toEqual([
      [10, 11, 3],
      [12, 12, 6],
      [20, 20, 7],
    ]);
    expect(idRuns([])).toEqual([]);
  });
});

describe.each(testEngines())('staging on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02 });
  }, 120_000);
  afterAll(() => database?.close());

  it('stages in chunks with reserved ids, publishes them as those ids in one statement, and removes its rows', async () => {
    const { db } = database;
    const [school] = await db.select({ id: schools.id, unitCode: schools.unitCode }).from(schools).limit(1);
    const rows = Array.from({ length: 25 }, (_, i) => ({
      rowNumber: i + 3,
      values: {
        schoolId: school!.id,
        unitCode: school!.unitCode,
        source: 'self',
        category: 'fire',
        severity: 'ordinary',
        foundOn: '2022-05-10',
        description: `暂存测试${i}`,
        responsiblePerson: '王志强',
        status: 'pending',
        reportedBy: 't',
        reportedAt: new Date(),
      },
    }));
    const job = newImportJob();
    const chunks: number[] = [];
    const ids = (await stageRows(db, job, safetyHazards, rows, { chunkRows: 10, reserveIds: true, onChunk: (n) => chunks.push(n) }))!;
    expect(chunks).toEqual([10, 20, 25]);
    expect(ids).toHaveLength(25);
    expect((await db.select({ n: count() }).from(importStaging).where(eq(importStaging.job, job)))[0]!.n).toBe(25);
    const created = await db.transaction((tx) =>
      publishStaged<{ id: number; description: string }>(tx, job, safetyHazards, {
        keys: Object.keys(rows[0]!.values),
        withIds: true,
        returning: sql`id, description`,
      }),
    );
    expect(created.map((c) => [Number(c.id), c.description]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(
      ids.map((id, i) => [id, `暂存测试${i}`]),
    );
    await dropStaged(db, job, 7);
    expect((await db.select({ n: count() }).from(importStaging).where(eq(importStaging.job, job)))[0]!.n).toBe(0);
  });

  it('with one connection, checks references for the whole set, refuses a missing one, and leaves the per-row checks on after the insert', async () => {
    const { db } = database;
    const [school] = await db.select({ id: schools.id, unitCode: schools.unitCode }).from(schools).limit(1);
    const row = (i: number, schoolId: number) => ({
      rowNumber: i + 3,
      values: {
        schoolId,
        unitCode: school!.unitCode,
        source: 'self',
        category: 'fire',
        severity: 'ordinary',
        foundOn: '2022-05-10',
        description: `整体核对${i}`,
        responsiblePerson: '王志强',
        status: 'pending',
        reportedBy: 't',
        reportedAt: new Date(),
      },
    });
    const keys = Object.keys(row(0, 1).values);
    const good = newImportJob();
    await stageRows(db, good, safetyHazards, [row(0, school!.id), row(1, school!.id)], { chunkRows: 10, reserveIds: true });
    const created = await db.transaction(async (tx) => {
      const out = await publishStaged<{ id: number }>(tx, good, safetyHazards, {
        keys,
        withIds: true,
        returning: sql`id`,
        oneConnection: true,
      });
      // The per-row check is back for what follows in the same transaction.
      await expect(
        tx.transaction((inner) =>
          inner.execute(
            sql`insert into safety_hazards (school_id, unit_code, source, category, severity, found_on, description, responsible_person, status, reported_by, reported_at) values (2147483000, ${school!.unitCode}, 'self', 'fire', 'ordinary', '2022-05-10', 'x', 'y', 'pending', 't', now())`,
          ),
        ),
      ).rejects.toMatchObject({ cause: { code: '23503' } });
      return out;
    });
    expect(created).toHaveLength(2);
    await dropStaged(db, good);

    const bad = newImportJob();
    await stageRows(db, bad, safetyHazards, [row(0, school!.id), row(1, 2147483000)], { chunkRows: 10, reserveIds: true });
    await expect(
      db.transaction((tx) => publishStaged(tx, bad, safetyHazards, { keys, withIds: true, returning: sql`id`, oneConnection: true })),
    ).rejects.toThrow(/safety_hazards\.school_id → schools\.id/);
    expect((await db.select({ n: count() }).from(safetyHazards).where(eq(safetyHazards.description, '整体核对0')))[0]!.n).toBe(1);
    await dropStaged(db, bad);
  });

  it('staging rows older than the limit are removed, newer ones stay', async () => {
    const { db } = database;
    const [old, fresh] = [newImportJob(), newImportJob()];
    await db.insert(importStaging).values([
      { job: old, seq: 0, rowNumber: 3, payload: {}, stagedAt: new Date(Date.now() - 31 * 60_000) },
      { job: fresh, seq: 0, rowNumber: 3, payload: {} },
    ]);
    expect(await dropStaleStaging(db, 30)).toBe(1);
    expect((await db.select({ job: importStaging.job }).from(importStaging)).map((r) => r.job)).toEqual([fresh]);
    await dropStaged(db, fresh);
  });
});
