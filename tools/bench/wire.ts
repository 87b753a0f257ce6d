// `pnpm bench:wire`: bytes on the wire and Lighthouse scores of the production build, in a real browser.
//   1. the 局领导 (leader) opens the login page, signs in and lands on the home page (cold cache): JavaScript and CSS
//      as Chromium received them (compressed, headers included), against the budget of 250 KB (stretch 170 KB);
//   2. Lighthouse 12.2.3, mobile preset, on the login page and on /dashboard signed in (median of WIRE_RUNS, default 3):
//      straight from the server (HTTP/1.1, no TLS) and, where nginx is installed, through the TLS front of tools/front
//      (HTTPS with HTTP/2, as a bureau deploys it). Bytes are counted straight from the server only: with the front's
//      self-signed certificate Chromium caches nothing, so every reload would fetch every file again.
// Writes the figures into tools/bench/results/wire.md under the heading WIRE_LABEL (default: the current commit),
// keeping the other headings (e.g. the figures of an older build). Needs `pnpm build` and Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '@hyedu/e2e/browser';
import { freePort, ROOT, startServer } from '@hyedu/e2e/server';
import { DEMO_PASSWORD, signIn } from '@hyedu/e2e/sign-in';
import { fromNetwork, jsAndCss, recordTransfer, total, type Transferred } from '@hyedu/e2e/transfer';
import { startFront } from '@hyedu/front';
import { audit, median, openBrowser, signInWith, type Audit } from './lighthouse.ts';
import { kb } from './weights.ts';

const BUDGET = 250 * 1024;
const STRETCH = 170 * 1024;
const RUNS = Number(process.env.WIRE_RUNS ?? 3);
/** Runs with applied throttling (Chromium slows itself; slow: about a minute each), straight from the server. */
const APPLIED_RUNS = Number(process.env.WIRE_APPLIED_RUNS ?? 3);
const RESULTS = join(ROOT, 'tools/bench/results/wire.md');

if (!existsSync(join(ROOT, 'apps/portal/dist/index.html'))) {
  console.error('请先构建：pnpm build');
  process.exit(1);
}
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const label = process.env.WIRE_LABEL ?? `build of ${commit}`;
const dataDir = mkdtempSync(join(tmpdir(), 'hyedu-wire-'));
const server = await startServer(dataDir, { HYEDU_RATE_LIMIT: '10000000', HYEDU_TRUSTED_PROXIES: '127.0.0.1' });
const frontDir = mkdtempSync(join(tmpdir(), 'hyedu-wire-front-'));
const front = await startFront({ upstreams: [new URL(server.url).host], port: await freePort(), dir: frontDir }).catch((e: Error) => {
  console.warn(`不经 TLS 前置测量（${e.message}）`);
  return null;
});
const out: string[] = [];
const say = (line = '') => {
  console.log(line);
  out.push(line);
};

/** Login page → sign in → home page, cold cache: every response Chromium received. */
async function loginToHome(base: string): Promise<Transferred[]> {
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true })).newPage();
    const rec = await recordTransfer(page);
    await page.goto(`${base}/login`);
    await page.locator('[data-test="login-form"]').waitFor();
    await page.waitForLoadState('networkidle');
    await signIn(page, base, 'leader', DEMO_PASSWORD);
    await page.locator('[data-test="work-items"]').waitFor();
    await page.waitForLoadState('networkidle');
    await rec.stop();
    return rec.list;
  } finally {
    await browser.close();
  }
}

/**
 * Lighthouse scales the CPU time it observes by 4: other work on this machine shows up as blocking time. Waits (at most
 * WIRE_WAIT_S, default 300 s) for the 1-minute load average to fall below the number of cores, and returns it.
 */
async function quietMachine() {
  const deadline = Date.now() + Number(process.env.WIRE_WAIT_S ?? 300) * 1000;
  while (loadavg()[0]! >= cpus().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5000));
  return loadavg()[0]!;
}

const short = (url: string) => new URL(url).pathname.replace(/_virtual_mf___mfe_internal__portal__mf_owner__\d+__/, 'mf:');
const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;

try {
  const all = fromNetwork(await loginToHome(server.url));
  const code = jsAndCss(all);
  const js = code.filter((r) => r.type === 'Script');
  const css = code.filter((r) => r.type === 'Stylesheet');
  const encodings = [...new Set(code.map((r) => r.encoding))].join(', ');
  say(`## ${label}`);
  say();
  say(`Measured ${new Date().toISOString().slice(0, 10)} on this machine (2 cores), PGlite with the demo data, Debian Chromium.`);
  say();
  say('### Login page → home page after login, leader, cold cache (JavaScript and CSS on the wire)');
  say();
  say('| | files | on the wire (headers included) | bodies as sent | decoded |');
  say('|---|---:|---:|---:|---:|');
  say(`| JavaScript | ${js.length} | ${kb(total(js, 'wire'))} | ${kb(total(js, 'body'))} | ${kb(total(js, 'decoded'))} |`);
  say(`| CSS | ${css.length} | ${kb(total(css, 'wire'))} | ${kb(total(css, 'body'))} | ${kb(total(css, 'decoded'))} |`);
  say(`| **JS + CSS** | ${code.length} | **${kb(total(code, 'wire'))}** | ${kb(total(code, 'body'))} | ${kb(total(code, 'decoded'))} |`);
  say(
    `| everything (HTML, API, images) | ${all.length} | ${kb(total(all, 'wire'))} | ${kb(total(all, 'body'))} | ${kb(total(all, 'decoded'))} |`,
  );
  say();
  const verdict = (n: number) => (n <= STRETCH ? 'within the stretch goal' : n <= BUDGET ? 'within budget' : 'OVER BUDGET');
  say(
    `Budget ${kb(BUDGET)} (stretch ${kb(STRETCH)}): bodies as sent ${kb(total(code, 'body'))}, ${verdict(total(code, 'body'))}; ` +
      `with response headers ${kb(total(code, 'wire'))}, ${verdict(total(code, 'wire'))}. Content-Encoding of JS/CSS: ${encodings} (identity only for files under 1 KB).`,
  );
  say();
  say('Largest files:');
  say();
  for (const r of [...code].sort((a, b) => b.wire - a.wire).slice(0, 8))
    say(`- ${kb(r.wire)} (${kb(r.decoded)} decoded, ${r.encoding}) \`${short(r.url)}\``);
  say();

  const targets = [
    { name: 'simulated Slow 4G, 4× CPU, direct (HTTP/1.1)', url: server.url, runs: RUNS, applied: false },
    ...(front ? [{ name: 'simulated Slow 4G, 4× CPU, TLS front (HTTP/2)', url: front.url, runs: RUNS, applied: false }] : []),
    {
      name: 'applied throttling (Chromium slowed to Slow 4G, 4× CPU), direct (HTTP/1.1)',
      url: server.url,
      runs: APPLIED_RUNS,
      applied: true,
    },
  ];
  for (const target of targets.filter((t) => t.runs > 0)) {
    const runs: Record<'login' | 'dashboard', Audit[]> = { login: [], dashboard: [] };
    const loads: number[] = [];
    for (let i = 0; i < target.runs; i++) {
      loads.push(await quietMachine());
      const browser = await openBrowser({ selfSigned: target.url.startsWith('https:') });
      try {
        const page = await browser.newPage();
        runs.login.push(await audit(page, `${target.url}/login`, target));
        await signInWith(page, target.url, 'leader', DEMO_PASSWORD);
        runs.dashboard.push(await audit(page, `${target.url}/dashboard`, target));
      } finally {
        await browser.close();
      }
    }
    say(`### Lighthouse 12.2.3, mobile preset, ${target.name}, median of ${target.runs} runs`);
    say();
    say(`1-minute load average of this ${cpus().length}-core machine before each run: ${loads.map((l) => l.toFixed(1)).join(', ')}.`);
    say();
    say(
      '| page | performance | FCP | LCP | TBT | Speed Index | CLS | transferred | text-compression savings | unused-JS savings | all scores |',
    );
    say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const [name, list] of Object.entries(runs)) {
      const m = median(list);
      say(
        `| ${name} | **${m.score}** | ${ms(m.fcp)} | ${ms(m.lcp)} | ${m.tbt.toFixed(0)} ms | ${ms(m.si)} | ${m.cls.toFixed(3)} | ${kb(m.bytes)} | ${kb(m.compressionSavings)} | ${kb(m.unusedJsSavings)} | ${list.map((x) => x.score).join(', ')} |`,
      );
    }
    say();
  }
} finally {
  await front?.stop();
  rmSync(frontDir, { recursive: true, force: true });
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// Replace this label's section, keep the others.
const HEAD = '# Bytes on the wire and Lighthouse (`pnpm bench:wire`)\n\n';
const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8').replace(HEAD, '') : '';
const sections = old.split(/^(?=## )/m).filter((s) => s.trim() && !s.startsWith(`## ${label}\n`));
writeFileSync(RESULTS, HEAD + [...sections.map((s) => s.trimEnd() + '\n'), out.join('\n').trimEnd() + '\n'].join('\n'));
console.log(`\n→ ${RESULTS}`);
