import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENCE_EXPIRY_WARNING_DAYS, licenceStanding } from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { privateLicenceCases } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 办学许可事项', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('are dated before 2022-11-30, in several states, some licences expiring within 90 days', async () => {
    const rows = await database.db.select().from(privateLicenceCases);
    expect(rows.length).toBeGreaterThan(5);
    // Spread over the counties, not the first few schools by code.
    expect(new Set(rows.map((r) => r.unitCode)).size).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.createdAt < new Date('2022-11-30T00:00:00+08:00'))).toBe(true);
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['establish', 'change', 'renew', 'cancel']));
    const bySchool = new Map<number, typeof rows>();
    for (const r of rows) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
    const standings = [...bySchool.values()].map((cases) => licenceStanding(cases, '2022-11-30')?.standing);
    expect(LICENCE_EXPIRY_WARNING_DAYS).toBe(90);
    expect(standings).toEqual(expect.arrayContaining(['expiring', 'expired', 'renewing', 'valid']));
  });
});
