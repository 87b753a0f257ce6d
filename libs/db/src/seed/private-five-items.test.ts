import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIVE_ITEMS_DEFAULT_DUE, fiveItemsOverdue } from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { privateFiveItemsReturns } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 五项管理 returns', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('two terms: spring nearly all accepted; autumn partly open on 2022-11-30; some breaches of each kind', async () => {
    const rows = await database.db.select().from(privateFiveItemsReturns).where(eq(privateFiveItemsReturns.createdBy, 'demo-seed'));
    const of = (term: string) => rows.filter((r) => r.term === term);
    const share = (xs: typeof rows, f: (r: (typeof rows)[number]) => boolean) => xs.filter(f).length / xs.length;
    const spring = of('2022-spring');
    const autumn = of('2022-autumn');
    expect(spring.length).toBeGreaterThan(50);
    expect(share(spring, (r) => r.status === 'accepted')).toBeGreaterThan(0.95);
    expect(spring.some((r) => r.status === 'returned' && r.returnReason)).toBe(true);
    expect(share(autumn, (r) => r.status === 'accepted')).toBeGreaterThan(0.6);
    expect(share(autumn, (r) => r.status === 'accepted')).toBeLessThan(0.8);
    expect(autumn.some((r) => fiveItemsOverdue(r.status, FIVE_ITEMS_DEFAULT_DUE['2022-autumn'], '2022-11-30'))).toBe(true);
    expect(autumn.some((r) => r.status === 'submitted')).toBe(true);
    expect(share(rows, (r) => !r.compliant)).toBeGreaterThan(0.1);
    expect(share(rows, (r) => !r.compliant)).toBeLessThan(0.4);
    expect(rows.some((r) => r.afterSchoolEnd === '17:00' && !r.compliant)).toBe(true);
    expect(rows.every((r) => r.createdAt < new Date('2022-11-30T00:00:00+08:00'))).toBe(true);
    expect(rows.every((r) => r.afterSchoolCovered <= r.afterSchoolWilling)).toBe(true);
  });
});
