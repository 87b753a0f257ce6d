import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { openTestDatabase } from './testing.ts';

const PG = process.env.HYEDU_TEST_PG_URL;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('jobs and notifications on PGlite (one process)', () => {
  let database: Database;
  beforeAll(async () => void (database = await openTestDatabase('pglite', false)));
  afterAll(() => database?.close());

  it('runs every job and has no channel to listen on', async () => {
    expect(await database.exclusive('start', async () => 1)).toBe(1);
    expect(await database.ifFree('snapshot', async () => 2)).toEqual({ ran: true, value: 2 });
    expect(
      await database.listen(
        'hyedu_changes',
        () => undefined,
        () => undefined,
      ),
    ).toBeNull();
  });
});

describe.skipIf(!PG)('jobs and notifications between instances on PostgreSQL', () => {
  // Two instances: two pools over one database.
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    a = await openTestDatabase('postgresql', false);
    const { openDatabase } = await import('./client.ts');
    const { TEST_KEYS } = await import('./testing.ts');
    const url = new URL(PG!);
    const current = (await a.db.execute(sql`select current_database() as db`)) as unknown as { rows: { db: string }[] };
    url.pathname = `/${current.rows[0]!.db}`;
    b = await openDatabase({ url: url.toString(), keys: TEST_KEYS });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('lets one instance run a job while the other skips it, and queues the waiting kind', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.ifFree('kpi-snapshot', () => held.then(() => 'a'));
    await settle(100);
    expect(await b.ifFree('kpi-snapshot', async () => 'b')).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: 'a' });
    expect(await b.ifFree('kpi-snapshot', async () => 'b')).toEqual({ ran: true, value: 'b' });

    const order: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const one = a.exclusive('start', async () => (order.push('a in'), await gate, order.push('a out')));
    await settle(100);
    const two = b.exclusive('start', async () => void order.push('b in'));
    await settle(200);
    open();
    await Promise.all([one, two]);
    expect(order).toEqual(['a in', 'a out', 'b in']);
  });

  it('releases the lock when the job fails', async () => {
    await expect(a.exclusive('start', () => Promise.reject(new Error('迁移失败')))).rejects.toThrow('迁移失败');
    expect(await b.ifFree('start', async () => 'ok')).toEqual({ ran: true, value: 'ok' });
  });

  it('delivers a notification sent by one instance to the other, and reports a gap after a lost connection', async () => {
    const heard: string[] = [];
    let gaps = 0;
    const listener = (await b.listen(
      'hyedu_test_changes',
      (p) => heard.push(p),
      () => gaps++,
    ))!;
    try {
      await a.db.execute(`select pg_notify('hyedu_test_changes', 'rollups')`);
      await settle(200);
      expect(heard).toEqual(['rollups']);
      // The listening connection is cut by the server: it is opened again and the gap is reported.
      await a.db.execute(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen %'`,
      );
      for (let i = 0; i < 50 && gaps === 0; i++) await settle(100);
      expect(gaps).toBe(1);
      await a.db.execute(`select pg_notify('hyedu_test_changes', 'policy')`);
      await settle(200);
      expect(heard).toEqual(['rollups', 'policy']);
    } finally {
      await listener.close();
    }
  });
});
