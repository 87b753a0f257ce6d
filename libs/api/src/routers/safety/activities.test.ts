import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

describe.each(testEngines())('safety activities on %s', (engine) => {
  let database: Database;
  let cookie = '';
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    cookie = await signIn(database, 'safety');
  }, 120_000);
  afterAll(() => database?.close());

  it('pages the year’s activities by key: the pages after a cursor are the pages by offset, ties on a day included', async () => {
    const city = await callerWithCookie(database, cookie);
    const byOffset = await Promise.all([1, 2, 3, 4].map((page) => city.safety.activities.list({ page, pageSize: 7 })));
    expect(byOffset[3]!.rows).toHaveLength(7);
    let after: string | undefined;
    for (const [i, expected] of byOffset.entries()) {
      const page = await city.safety.activities.list({ page: i + 1, pageSize: 7, after });
      expect(page.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
      expect(page.total).toBe(expected.total);
      after = page.next ?? undefined;
    }
    expect(await failure(city.safety.activities.list({ page: 2, pageSize: 7, after: Buffer.from('[1]').toString('base64url') }))).toEqual({
      code: 'BAD_REQUEST',
      message: '翻页位置无效，请从第一页重新翻页',
    });
  });
});
