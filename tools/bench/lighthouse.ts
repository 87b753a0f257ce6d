// Lighthouse (mobile preset: simulated Slow 4G, 4× CPU) on Debian's Chromium, driven through puppeteer so that the
// same browser can sign in between two audits (Lighthouse keeps cookies; it clears only caches and service workers).
import lighthouse from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM } from '@hyedu/e2e/browser';

// The flags of tools/e2e/browser.mjs (no downloads, no background networking).
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Audit {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  si: number;
  cls: number;
  /** Bytes transferred for the whole page (Lighthouse's total-byte-weight). */
  bytes: number;
  /** Estimated savings in bytes: text compression and unused JavaScript. */
  compressionSavings: number;
  unusedJsSavings: number;
}

/** Chromium for Lighthouse; `selfSigned` accepts the TLS front's self-signed certificate (tools/front). */
export async function openBrowser(opts: { selfSigned?: boolean } = {}): Promise<Browser> {
  const args = opts.selfSigned ? [...ARGS, '--ignore-certificate-errors'] : ARGS;
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args, defaultViewport: null });
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
const num = (lhr: Lhr, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
const savings = (lhr: Lhr, id: string) =>
  (lhr.audits[id]?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0;

/**
 * Audits one URL for performance in the page (its cookies stay; its cache is cleared by Lighthouse). A run whose trace
 * could not be recorded (Lighthouse's own "please run again", e.g. NO_NAVSTART) is run again, up to twice.
 */
export async function audit(page: Page, url: string, opts: { applied?: boolean } = {}, attempt = 1): Promise<Audit> {
  // `applied`: Chromium itself slows the network and CPU (what a user on that link sees), instead of Lighthouse's
  // simulation from an unthrottled load.
  const throttlingMethod = opts.applied ? ('devtools' as const) : ('simulate' as const);
  const result = await lighthouse(
    url,
    { logLevel: 'error', output: 'json', onlyCategories: ['performance'], throttlingMethod },
    undefined,
    page,
  );
  if (!result) throw new Error(`Lighthouse 无结果：${url}`);
  const { lhr } = result;
  if (lhr.runtimeError && attempt < 3) return audit(page, url, opts, attempt + 1);
  if (lhr.runtimeError) throw new Error(`Lighthouse：${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: num(lhr, 'first-contentful-paint'),
    lcp: num(lhr, 'largest-contentful-paint'),
    tbt: num(lhr, 'total-blocking-time'),
    si: num(lhr, 'speed-index'),
    cls: num(lhr, 'cumulative-layout-shift'),
    bytes: num(lhr, 'total-byte-weight'),
    compressionSavings: savings(lhr, 'uses-text-compression'),
    unusedJsSavings: savings(lhr, 'unused-javascript'),
  };
}

/** Signs in through the login page, as a person would (accounts without a second factor). */
export async function signInWith(page: Page, baseUrl: string, user: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('#hy-username');
  await page.type('#hy-username', user);
  await page.type('#hy-password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  await page.waitForSelector('main h1');
}

/** The run with the median score (Lighthouse's own advice for noisy machines). */
export function median(runs: Audit[]): Audit {
  return [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!;
}
