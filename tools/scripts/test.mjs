#!/usr/bin/env node
// `pnpm test`: every check, in order — lint (module boundaries included), typecheck, unit and integration tests
// on PGlite and PostgreSQL, a production build of every app, then browser tests in headless Chromium.
// On a developer machine without PostgreSQL or Chromium it says what it skipped; in CI (CI=true) nothing may be skipped.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { bin, run } from './lib.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const PG_URL = process.env.HYEDU_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const results = [];

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const code = await fn();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: code === 0, seconds });
  if (code !== 0) {
    console.error(`✗ ${name} 失败（${seconds} 秒）`);
    summary();
    process.exit(1);
  }
  console.log(`✓ ${name}（${seconds} 秒）`);
}

const skipped = [];
function summary() {
  console.log('\n━━ hyedu test summary ━━');
  for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds}s)`);
  for (const s of skipped) console.log(`- skipped: ${s}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`steps: ${results.length - failed} passed, ${failed} failed, ${skipped.length} skipped`);
}

const hasPg = await postgresReachable(PG_URL);
if (!hasPg) {
  if (CI) {
    console.error(`CI 中必须有 PostgreSQL（${PG_URL}），但连接失败。`);
    process.exit(1);
  }
  skipped.push(`PostgreSQL integration tests (no server at ${PG_URL}; set HYEDU_TEST_PG_URL)`);
}
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (CI) {
    console.error(`CI 中必须有 Chromium（${CHROMIUM}），但没有找到。`);
    process.exit(1);
  }
  skipped.push(`browser tests (no Chromium at ${CHROMIUM}; apt-get install chromium)`);
}
// The TLS front's test (tools/front) runs nginx; it skips itself without one, except in CI.
if (!['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p))) {
  if (CI) {
    console.error('CI 中必须有 nginx（TLS 前置的测试需要），但没有找到。');
    process.exit(1);
  }
  skipped.push('the TLS front with nginx (no nginx; apt-get install nginx)');
}

// ESLint's module-boundary rule reads Nx's project graph and silently skips itself when there is none
// (a fresh clone): compute the graph first.
await step(
  'lint',
  async () => (await run(bin('nx'), ['show', 'projects'], {}, 'ignore')) || run(bin('eslint'), ['--max-warnings', '0', '.']),
);
await step('typecheck', () => run(bin('nx'), ['run-many', '-t', 'typecheck', '--outputStyle=static']));
await step(`unit + integration tests (${hasPg ? 'PGlite and PostgreSQL' : 'PGlite only'})`, () =>
  run(
    bin('nx'),
    ['run-many', '-t', 'test', '--outputStyle=static', '--parallel=2'],
    hasPg ? { HYEDU_TEST_PG_URL: PG_URL } : { HYEDU_TEST_PG_URL: '' },
  ),
);
await step('production build', () => run(bin('nx'), ['run-many', '-t', 'build', '--outputStyle=static']));
// The browser tests, and the drill of a module failing in the portal (tools/drills), one project at a time.
if (hasChromium)
  await step('browser tests (Chromium)', () => run(bin('nx'), ['run-many', '-t', 'e2e', '--outputStyle=static', '--parallel=1']));

summary();
