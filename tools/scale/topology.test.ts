import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@hyedu/e2e/server';
import { freshness, FRESHNESS_MS, sameResults, sharedLoginLimit } from './checks.ts';
import { Caller } from './client.ts';
import { startTopology, type Topology } from './topology.ts';

const PG_URL = process.env.HYEDU_TEST_PG_URL;
const CI = process.env.CI === 'true' || process.env.CI === '1';
const HAS_NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p));
if (CI && (!PG_URL || !HAS_NGINX)) throw new Error('CI 中多实例测试需要 PostgreSQL（HYEDU_TEST_PG_URL）与 nginx');

/** Its own database on the test server: two instances start on it together, at a twentieth of the demo data. */
const databaseUrl = (() => {
  if (!PG_URL) return '';
  const u = new URL(PG_URL);
  u.pathname = '/hyedu_scale_test';
  return u.toString();
})();

describe.skipIf(!PG_URL || !HAS_NGINX)('two instances behind the load balancer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-scale-'));
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology({ databaseUrl, instances: 2, port: await freePort(), dir, fresh: true, seedScale: 0.05 });
  }, 600_000);
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('started together, they migrated and loaded the demo data once', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const migrations = await client.query(
        'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash having count(*) > 1',
      );
      expect(migrations.rows).toEqual([]);
      const plans = await client.query<{ n: number }>('select count(*)::int as n from work_plans');
      expect(plans.rows[0]!.n).toBe(1);
      const demo = await client.query<{ n: number }>("select count(*)::int as n from accounts where username = 'leader'");
      expect(demo.rows[0]!.n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('answers the same through either instance and the balancer, on one session', async () => {
    expect(await sameResults(t)).toEqual({ reads: 7, differing: [] });
  });

  it(`shows a write made through one instance on the other within ${FRESHNESS_MS} ms`, async () => {
    const { delays, late } = await freshness(t, databaseUrl, 5);
    console.log(`cross-instance freshness: ${delays.map((d) => d.toFixed(0)).join(', ')} ms`);
    expect(late).toBe(0);
  });

  it('counts login attempts of one client address across the instances', async () => {
    expect(await sharedLoginLimit(t, 30)).toEqual({ refusedAt: 31 });
  });

  it("believes the client address only from the balancer: a client's own X-Forwarded-For is replaced", async () => {
    // Through the balancer, a claimed address is overwritten with the peer's (127.0.0.1), whose budget is untouched.
    const a = await new Caller(t.url, '', { 'x-forwarded-for': '10.20.30.40' }).mutateRaw('auth.login', {
      username: 'nobody',
      password: 'x',
    });
    expect(a.status).toBe(401);
  });
});
