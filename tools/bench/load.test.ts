// The load drill's one-minute version in CI: two instances behind the balancer over PostgreSQL, 10 clients for 12 s
// and a spike of 40 for 6 s, three times; the same checks as the full drill (pnpm bench:load).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@hyedu/e2e/server';
import { describeLoad, describePhase, loadDrill } from './load-drill.ts';

const pgUrl = process.env.HYEDU_TEST_PG_URL;
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p));

describe.skipIf(!pgUrl || !nginx)('the load drill, one minute', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-load-test-'));
  const url = new URL(pgUrl ?? 'postgres://127.0.0.1/x');
  url.pathname = '/hyedu_load_ci';
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('drop database if exists hyedu_load_ci with (force)');
    await admin.end();
  });

  it('no errors, none over 5 s, every acknowledged write stored once with its audit record, the chain whole', async () => {
    const drill = await loadDrill({
      databaseUrl: url.toString(),
      port: await freePort(),
      dir,
      clients: 10,
      seconds: 12,
      spikeClients: 40,
      spikeSeconds: 6,
      runs: 3,
      seedScale: 0.02,
      // Runs of 18 s: resident memory moves with the garbage collector's timing (seen here: +1 MB after the warm-up run
      // in one test, +73 MB for one instance in its last run in another). A leak of 60 KB per request (about 2,000 a
      // run) still fails it; the ten-minute drill (pnpm bench:load) is where memory is judged, at 50 MB.
      memoryToleranceMb: 120,
    });
    const report = [
      ...drill.runs.flatMap((r) => [
        describePhase(r.steady),
        describePhase(r.spike),
        `内存 ${r.rssMb.map((m) => m.toFixed(0)).join(' / ')} MB`,
      ]),
      ...describeLoad(drill),
    ].join('\n');
    console.log(report);
    expect(drill.acknowledged, report).toBeGreaterThan(50);
    expect(drill.passed, report).toBe(true);
  });
});
