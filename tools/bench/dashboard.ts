// `pnpm bench:dashboard`: the leadership dashboard at full Hengyang scale (issue 4), on PGlite and on PostgreSQL.
//   1. loads the full-size demo data (all county units, ~2,440 schools, ~1.16 M students as counts by school and grade);
//   2. the dashboard API under load: p50 / p99 with 50 concurrent signed-in clients (autocannon -c 50 -p 1);
//   3. the same KPI SQL run raw (one connection) against the API at one connection: the API ÷ raw ratio;
//   4. the JavaScript a leader downloads from the login page until the dashboard's cards are on screen.
// Needs the production build (pnpm build), Chromium, and PostgreSQL at HYEDU_BENCH_PG_URL (default 127.0.0.1:5432).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { launch } from '@hyedu/e2e/browser';
import { startServer, type Running } from '@hyedu/e2e/server';
import { kb, recordJs, sum } from './weights.ts';

const PG_ADMIN = process.env.HYEDU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RATE = { HYEDU_RATE_LIMIT: '10000000', HYEDU_SEED_SCALE: '1' };

async function signIn(url: string) {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
    body: JSON.stringify({ username: 'leader', password: 'Demo#2022pass' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`登录失败：${res.status}`);
  return cookie;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** Sequential calls at one connection: p50 in ms. */
async function serial(n: number, call: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

/** The raw SQL behind dashboard.kpis (the two live KPI sources), as the API's queries run it. */
const RAW_SQL = [
  `select s.unit_code, coalesce(sum(e.students) filter (where c.ownership = 'private'), 0)::int, coalesce(sum(e.students), 0)::int
     from school_enrolment e join school_census c on c.school_id = e.school_id and c.school_year = e.school_year
     join schools s on s.id = e.school_id
    where e.school_year = (select max(school_year) from school_census) and (e.grade like 'P%' or e.grade like 'J%') group by s.unit_code`,
  `select s.unit_code, sum(t.teachers)::int, sum(t.quota)::int from school_staffing t join schools s on s.id = t.school_id where t.school_year = '2021-2022' group by s.unit_code`,
];

async function measure(label: string, server: Running, raw: (() => Promise<unknown>) | null) {
  const cookie = await signIn(server.url);
  const headers = { cookie, 'x-trpc-source': 'web' };
  const kpis = `${server.url}/api/trpc/dashboard.kpis`;
  const detail = `${server.url}/api/trpc/dashboard.kpi?input=${encodeURIComponent(JSON.stringify({ kpiId: 'private.compulsory-share' }))}`;
  const call = (u: string) => () => fetch(u, { headers }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))));
  await serial(20, call(kpis)); // warm-up
  const one = await serial(100, call(kpis));
  const load = async (url: string) => {
    const r = await autocannon({ url, connections: 50, pipelining: 1, duration: 10, headers });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
  };
  const underLoad = await load(kpis);
  const detailLoad = await load(detail);
  console.log(`\n== ${label} ==`);
  console.log(`dashboard.kpis, 1 connection: p50 ${one.p50.toFixed(1)} ms, p99 ${one.p99.toFixed(1)} ms`);
  console.log(
    `dashboard.kpis, 50 concurrent: ${underLoad.rps.toFixed(0)} req/s, p50 ${underLoad.p50} ms, p99 ${underLoad.p99} ms, errors ${underLoad.errors}   (target p99 ≤ 150 ms on PostgreSQL)`,
  );
  console.log(
    `dashboard.kpi (map + league), 50 concurrent: ${detailLoad.rps.toFixed(0)} req/s, p50 ${detailLoad.p50} ms, p99 ${detailLoad.p99} ms, errors ${detailLoad.errors}`,
  );
  if (raw) {
    const r = await serial(100, raw);
    console.log(
      `the same KPI SQL raw, 1 connection: p50 ${r.p50.toFixed(1)} ms → API (reading the 1-minute rollup) ÷ raw ${(one.p50 / r.p50).toFixed(2)}×`,
    );
  }
  return { one, underLoad };
}

const browser = await launch();
const dirs: string[] = [];
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
try {
  // PostgreSQL: a fresh database, full-size data loaded by the server's own start.
  const name = `hyedu_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  let t = performance.now();
  const pgServer = await startServer(mkdtempSync(join(tmpdir(), 'hyedu-bench-')), { ...RATE, DATABASE_URL: url.toString() });
  console.log(`PostgreSQL: started with full-size data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const counts = await client.query(
    `select (select count(*) from schools)::int schools, (select sum(students) from school_enrolment where school_year = '2021-2022')::int students, (select sum(teachers + contract_teachers) from school_staffing)::int teachers, (select count(*) from school_enrolment)::int rows`,
  );
  console.log(`data: ${JSON.stringify(counts.rows[0])}`);
  results.pg = await measure('PostgreSQL (full scale)', pgServer, () => Promise.all(RAW_SQL.map((q) => client.query(q))));

  // What a leader downloads: login page → sign in → dashboard cards on screen (cold cache).
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const rec = recordJs(page);
  await page.goto(`${pgServer.url}/login`);
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码', { exact: true }).fill('Demo#2022pass');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  t = performance.now();
  await page.goto(`${pgServer.url}/dashboard`);
  await page.locator('[data-kpi]').first().waitFor();
  const cardsMs = performance.now() - t;
  await page.waitForLoadState('networkidle');
  await rec.settle();
  // The page reloads after sign-in; files it already has come from the browser's cache: count each file once.
  const files = [...new Map(rec.list.map((f) => [f.url, f])).values()];
  console.log(`\n== JavaScript a leader downloads from the login page to the dashboard (cold cache) ==`);
  console.log(
    `files ${files.length}, raw ${kb(sum(files, 'raw'))}, gzip ${kb(sum(files, 'gzip'))}   (target ≤ 400 KB gzip); cards on screen ${cardsMs.toFixed(0)} ms after navigating`,
  );
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 6))
    console.log(
      `  ${kb(f.gzip).padStart(9)}  ${new URL(f.url).pathname.replace(/_virtual_mf___mfe_internal__portal__mf_owner__\d+__loadShare___mf_0_/, 'shared:')}`,
    );
  await ctx.close();
  await client.end();
  await pgServer.stop();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();

  // PGlite: the embedded default, the same full-size data.
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-bench-'));
  dirs.push(dir);
  t = performance.now();
  const liteServer = await startServer(dir, RATE);
  console.log(`\nPGlite: started with full-size data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  results.pglite = await measure('PGlite (full scale)', liteServer, null);
  await liteServer.stop();
  console.log(
    `\nPGlite ÷ PostgreSQL: 1 connection p50 ${(results.pglite.one.p50 / results.pg.one.p50).toFixed(2)}×, 50 concurrent p99 ${(results.pglite.underLoad.p99 / results.pg.underLoad.p99).toFixed(2)}×   (target ≤ 2.5×)`,
  );
} finally {
  await browser.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
