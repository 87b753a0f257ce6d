import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeOverCap, puhuiCapsAt, termStart } from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { privateKindergartenFees, privatePuhuiRecognitions } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 保教费收费记录', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('cover most private kindergartens for one term; a few 普惠 ones charge above their cap', async () => {
    const fees = await database.db.select().from(privateKindergartenFees);
    const cases = await database.db
      .select()
      .from(privatePuhuiRecognitions)
      .where(inArray(privatePuhuiRecognitions.status, ['recognised', 'revoked']));
    expect(fees.length).toBeGreaterThan(10);
    const over = fees.filter((r) => feeOverCap(r.feeCharged, puhuiCapsAt(cases, termStart(r.schoolYear, r.term)).get(r.schoolId)));
    expect(over.length).toBeGreaterThanOrEqual(1);
    expect(over.length / fees.length).toBeLessThan(0.1);
    expect(fees.every((r) => r.feeCharged >= 50_000 && r.feeCharged <= 150_000)).toBe(true);
  });
});
