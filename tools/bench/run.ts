// `pnpm bench`: measures the production build and the API on this machine and prints the figures.
//   1. portal initial JS (gzip) before any module loads;
//   2. each module's first-route JS (gzip), its own code and the federation glue apart;
//   3. how many times each shared library is fetched (target: exactly once, from the portal);
//   4. tRPC requests/s for a small query ÷ a bare Fastify hello-world, measured in the same run.
// Needs the production build (pnpm build) and Chromium (/usr/bin/chromium).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { launch } from '@hyedu/e2e/browser';
import { countSharedFetches } from '@hyedu/e2e/page-checks';
import { freePort, ROOT, startServer } from '@hyedu/e2e/server';
import { isGlue, kb, recordJs, sum } from './weights.ts';

const MODULES = [
  { key: 'safety', title: '安全管理' },
  { key: 'private-edu', title: '民办教育' },
  { key: 'teachers', title: '教师队伍' },
  { key: 'funding', title: '经费与资助' },
];

if (!existsSync(join(ROOT, 'apps/portal/dist/index.html'))) {
  console.error('请先构建：pnpm build');
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), 'hyedu-bench-'));
// The load test measures throughput, not the per-IP rate limit.
const server = await startServer(dataDir, { HYEDU_RATE_LIMIT: '10000000' });
const browser = await launch();

/** A session for the demo 局领导 account, signed in through the API. */
async function sessionCookie(url: string) {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
    body: JSON.stringify({ username: 'leader', password: 'Demo#2022pass' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const [name, value] = cookie.split('=');
  if (!res.ok || !name || !value) throw new Error(`登录失败：${res.status}`);
  return { name, value, url };
}

try {
  // 0: what a browser downloads to show the login page (cold cache).
  const loginCtx = await browser.newContext();
  const loginPage = await loginCtx.newPage();
  const loginRec = recordJs(loginPage);
  await loginPage.goto(`${server.url}/login`);
  await loginPage.locator('[data-test="login-form"]').waitFor();
  await loginPage.waitForLoadState('networkidle');
  await loginRec.settle();
  console.log('\n== Login page JavaScript (cold cache) ==');
  console.log(`files ${loginRec.list.length}, raw ${kb(sum(loginRec.list, 'raw'))}, gzip ${kb(sum(loginRec.list, 'gzip'))}`);
  await loginCtx.close();

  // 1 + 2: weights for a signed-in user, cold cache.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addCookies([await sessionCookie(server.url)]);
  const page = await ctx.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  let rec = recordJs(page);
  await page.goto(server.url);
  await page.locator('[data-test="work-items"]').waitFor();
  await page.waitForLoadState('networkidle');
  await rec.settle();
  const portal = rec.list;
  console.log('\n== Portal initial JavaScript (home page of a signed-in user, cold cache, before any module) ==');
  console.log(
    `files ${portal.length}, raw ${kb(sum(portal, 'raw'))}, gzip ${kb(sum(portal, 'gzip'))}   (target ≤ 250 KB gzip, UI kit included)`,
  );
  const ui = portal.find((f) => /hyedu_mf_1_ui__loadShare__\.js-/.test(f.url));
  if (ui) console.log(`  of which @hyedu/ui (the shared Element Plus subset): gzip ${kb(ui.gzip)}`);

  console.log('\n== Each module, first route (portal already loaded) ==');
  console.log('module        own code (gzip)   federation glue (gzip)   portal lazy chunks (gzip)   files');
  for (const m of MODULES) {
    page.removeAllListeners('response');
    rec = recordJs(page);
    await page.getByRole('menuitem', { name: m.title }).click();
    await page.locator(`[data-module="${m.key}"] .el-table__row`).first().waitFor();
    await page.waitForLoadState('networkidle');
    await rec.settle();
    const mine = rec.list.filter((f) => new URL(f.url).pathname.startsWith(`/mf/${m.key}/`));
    const glue = mine.filter((f) => isGlue(f.url));
    const own = mine.filter((f) => !isGlue(f.url));
    const portalLazy = rec.list.filter((f) => !new URL(f.url).pathname.startsWith('/mf/'));
    console.log(
      `${m.key.padEnd(13)} ${kb(sum(own, 'gzip')).padStart(15)}   ${kb(sum(glue, 'gzip')).padStart(22)}   ${kb(sum(portalLazy, 'gzip')).padStart(25)}   ${mine.length}`,
    );
  }
  console.log('(targets: own code ≤ 60 KB, glue ≤ 30 KB per module)');

  console.log('\n== Shared libraries fetched (whole session: home + all four modules) ==');
  for (const [name, n] of Object.entries(countSharedFetches(requests))) {
    console.log(`${name.padEnd(22)} fetched ${n.total}× (from modules: ${n.fromModules})`);
  }
  await ctx.close();

  // 4: throughput, same machine, same run.
  const bare = Fastify();
  bare.get('/', async () => ({ hello: 'world' }));
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  const session = await sessionCookie(server.url);
  const load = async (url: string, headers: Record<string, string> = {}) => {
    const r = await autocannon({ url, connections: 100, pipelining: 10, duration: 8, headers });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
  };
  await load(`http://127.0.0.1:${barePort}/`); // warm-up
  const fastifyRes = await load(`http://127.0.0.1:${barePort}/`);
  const healthRes = await load(`${server.url}/api/trpc/platform.health`);
  // A signed-in query: session lookup, authorization and a small database read.
  const modulesRes = await load(`${server.url}/api/trpc/platform.modules`, { cookie: `${session.name}=${session.value}` });
  await bare.close();
  console.log('\n== API throughput (autocannon -c 100 -p 10 -d 8, load generator on the same 2 cores) ==');
  const line = (name: string, r: typeof fastifyRes) =>
    console.log(
      `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  ratio ${(r.rps / fastifyRes.rps).toFixed(3)}`,
    );
  line('bare Fastify hello-world', fastifyRes);
  line('tRPC platform.health (no database)', healthRes);
  line('tRPC platform.modules (signed in, PGlite)', modulesRes);
  console.log('(target: tRPC ≥ 0.12 × bare Fastify)');
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
