import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { censusDate, puhuiAt } from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { privatePuhuiRecognitions, schools } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 普惠性民办园认定', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('recognise about 60% of the private kindergartens before the 2022-2023 census; a few pending, one refused, one revoked', async () => {
    const rows = await database.db.select().from(privatePuhuiRecognitions);
    const kindergartens = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.ownership, 'private'), eq(schools.level, 'kindergarten')));
    const ids = new Set(kindergartens.map((k) => k.id));
    expect(rows.every((r) => ids.has(r.schoolId))).toBe(true);
    expect(rows.every((r) => r.createdAt < new Date('2022-11-30T00:00:00+08:00'))).toBe(true);
    const recognised = puhuiAt(rows, censusDate('2022-2023'));
    expect(recognised.size / ids.size).toBeGreaterThan(0.5);
    expect(recognised.size / ids.size).toBeLessThan(0.65);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect(count('submitted')).toBeGreaterThanOrEqual(2);
    expect(count('submitted')).toBeLessThanOrEqual(4);
    expect(count('refused')).toBe(1);
    expect(count('revoked')).toBe(1);
    expect(rows.filter((r) => r.status === 'recognised').every((r) => r.validFrom! < '2022-09-01' && r.feeCap! > 0 && r.subsidy! > 0)).toBe(
      true,
    );
  });
});
