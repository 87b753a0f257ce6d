import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF, openStandby, type Database, type Db, type Standby } from '@hyedu/db';
import { openTestDatabase } from '@hyedu/db/testing';
import { readOnStandby, readWrote, rememberWrite, wroteCookie } from './standby-reads.ts';
import { callerAs, procedures } from './testing.ts';

/** The lists that may be read from a standby, each read by its module's 科室. */
const LISTS: Record<string, string> = {
  'safety.hazards.list': 'safety',
  'safety.activities.list': 'safety',
  'privateEdu.training.list': 'privedu',
  'teachers.staff.list': 'teachers',
  'teachers.registration.list': 'teachers',
  'teachers.appraisal.list': 'teachers',
  'teachers.training.records.list': 'teachers',
};

/** A standby that stands in for one in its routing only: every read goes to it, and each failure is kept. */
function routedToStandby(db: Db, position = '0/1'): Standby & { failures: string[] } {
  const failures: string[] = [];
  return {
    db,
    failures,
    target: () => 'standby',
    primaryPosition: async () => position,
    failed: (reason) => void failures.push(reason),
    state: () => ({ status: 'up', lagMs: 0, replayed: 1n, reason: null }),
    close: async () => undefined,
  };
}

const ok = { ok: true as const };
const lost = {
  ok: false as const,
  error: { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5434'), { code: 'ECONNREFUSED' }) },
};
const refused = { ok: false as const, error: { cause: new Error('无权查看') } };

describe('the browser remembers its last write', () => {
  it('reads back the position it was given, and nothing that is not one', () => {
    const cookie = wroteCookie('16/B374D848', true);
    expect(cookie).toMatch(/^hy_wrote=16%2FB374D848; Path=\/api; HttpOnly; SameSite=Strict; Max-Age=600; Secure$/);
    expect(readWrote(`hy_session=abc; ${cookie.split(';')[0]}`)).toBe((0x16n << 32n) | 0xb374d848n);
    expect(readWrote('hy_wrote=16%2F; other=1')).toBeNull();
    expect(readWrote(undefined)).toBeNull();
  });

  it('is given after a write only when a standby is read', async () => {
    const set: string[] = [];
    await rememberWrite(null, (c) => set.push(c), false);
    expect(set).toEqual([]);
    await rememberWrite(routedToStandby({} as Db, '2/A0'), (c) => set.push(c), false);
    expect(set).toEqual(['hy_wrote=2%2FA0; Path=/api; HttpOnly; SameSite=Strict; Max-Age=600']);
  });
});

describe('a read the standby cannot answer', () => {
  it('is run again on the primary at once, and the standby set aside', async () => {
    const standby = routedToStandby({} as Db);
    const ran: string[] = [];
    const result = await readOnStandby(standby, null, async (db) => (ran.push(db ? 'standby' : 'primary'), db ? lost : ok));
    expect(result).toEqual(ok);
    expect(ran).toEqual(['standby', 'primary']);
    expect(standby.failures).toEqual(['备用库读取失败：connect ECONNREFUSED 127.0.0.1:5434']);
  });

  it("is the caller's own refusal when the standby answered it (not run twice)", async () => {
    const standby = routedToStandby({} as Db);
    const ran: string[] = [];
    expect(await readOnStandby(standby, null, async (db) => (ran.push(db ? 'standby' : 'primary'), refused))).toBe(refused);
    expect(ran).toEqual(['standby']);
    expect(standby.failures).toEqual([]);
  });
});

describe('the lists read from a standby', () => {
  it('are the declared ones, all queries', () => {
    const onStandby = procedures().filter((p) => p.meta?.standby);
    expect(onStandby.map((p) => p.path).sort()).toEqual(Object.keys(LISTS).sort());
    expect(onStandby.every((p) => p.type === 'query')).toBe(true);
  });
});

// On PostgreSQL: every list answered over a read-only connection (a standby refuses any write) gives what the primary
// gives, and never fails there.
describe.skipIf(!process.env.HYEDU_TEST_PG_URL)('the lists over a read-only connection', () => {
  let database: Database;
  let standby: Standby;
  beforeAll(async () => {
    database = await openTestDatabase('postgresql', { scale: 0.02, staffRegistry: true, today: DEMO_AS_OF });
    const primary = (database.db as unknown as { $client: Parameters<typeof openStandby>[0]['primary'] }).$client;
    standby = await openStandby({ url: database.location, primary, poolMax: 2 });
  }, 300_000);
  afterAll(async () => {
    await standby?.close();
    await database?.close();
  });

  it('refuses a write on the standby connection', async () => {
    await expect(standby.db.execute(sql`create table standby_probe (id int)`)).rejects.toMatchObject({
      cause: { code: '25006' },
    });
  });

  it.each(Object.entries(LISTS))('%s', async (path, user) => {
    // The standby's database, counting what the procedure asks of it.
    let used = 0;
    const counted = new Proxy(standby.db, { get: (target, key, receiver) => (used++, Reflect.get(target, key, receiver)) });
    const routed = routedToStandby(counted);
    const read = async (db: Database) => {
      const api = await callerAs(db, user);
      const call = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (
        a: Record<string, unknown>,
      ) => Promise<unknown>;
      return call({ page: 1, pageSize: 20 });
    };
    expect(await read({ ...database, standby: routed })).toEqual(await read(database));
    expect(routed.failures).toEqual([]);
    expect(used).toBeGreaterThan(0);
  });

  it('tells a primary named as the standby from a standby', () => {
    expect(standby.state()).toMatchObject({ status: 'down', reason: expect.stringContaining('已被提升为主库') });
  });
});
