import type { Page } from 'playwright-core';

/** The demo accounts, one per role (libs/db/src/seed/accounts.ts; the README's table). */
export const ROLES = [
  'leader',
  'office',
  'safety',
  'privedu',
  'teachers',
  'funding',
  'hengnan',
  'leiyang',
  'changning',
  'school',
  'xiaoxue',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The kind of page an address shows: numeric segments become `:n` and dotted ones (KPI ids) `:id`, so
 * `/safety/hazards/812` and `/safety/hazards/9` are one kind, `/safety/hazards` another.
 */
export function pageKind(path: string): string {
  return path
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? ':n' : s.includes('.') ? ':id' : s))
    .join('/');
}

/** Addresses in the page's side menu, header and main area that lead to another page of the platform (no files, no sign-out). */
export async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('header a[href], nav a[href], main a[href]'))
      .filter((a) => a.origin === location.origin && a.target !== '_blank')
      .map((a) => a.pathname),
  );
  return [...new Set(hrefs)].filter((p) => !p.startsWith('/api/') && !p.startsWith('/login') && !/\.\w+$/.test(p.split('/').pop() ?? ''));
}

const inFlight = new WeakMap<Page, { count: number; last: number }>();

/** Starts counting the page's requests in flight (once per page), so that `settle` can tell when its data is in. */
export function trackRequests(page: Page) {
  if (inFlight.has(page)) return;
  const n = { count: 0, last: Date.now() };
  inFlight.set(page, n);
  const done = () => {
    n.count = Math.max(0, n.count - 1);
    n.last = Date.now();
  };
  page.on('request', () => {
    n.count++;
    n.last = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Waits until a page has its title and its data: no request for 200 ms, no loading mask. */
export async function settle(page: Page) {
  trackRequests(page);
  const n = inFlight.get(page)!;
  await page.locator('main h1').first().waitFor({ timeout: 20_000 });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (n.count > 0 || Date.now() - n.last < 200)) await page.waitForTimeout(50);
  await page
    .waitForFunction(() => !document.querySelector('main .el-loading-mask, main [aria-busy="true"]'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  // A tag or button still fading between colours would be measured half-way (a contrast that nobody sees): wait for
  // the finite transitions and animations to end (spinners run forever and are not waited for).
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** Opens a page of the signed-in app through its router (as a click on a link does), without loading the app again. */
export async function go(page: Page, path: string) {
  trackRequests(page);
  await page.evaluate(async (to) => {
    const app = (
      document.querySelector('#app') as unknown as {
        __vue_app__: { config: { globalProperties: { $router: { push(p: string): Promise<unknown> } } } };
      }
    ).__vue_app__;
    await app.config.globalProperties.$router.push(to);
  }, path);
  await settle(page);
}

/**
 * Every page a role can reach: the side menu's and the header's pages, then, breadth first, the first page of
 * each kind linked from a page already found (a hazard from the hazard list, a school from the KPI league, a task
 * from the plan), up to `maxDepth` clicks away from the menu. Calls `visit` once per page, on the page itself.
 * Pages are opened through the app's router, as its links do: the app is loaded once.
 */
export async function crawl(page: Page, baseUrl: string, visit: (path: string) => Promise<void>, maxDepth = 3): Promise<string[]> {
  const kinds = new Set<string>();
  const queue: { path: string; depth: number }[] = [];
  const add = (paths: string[], depth: number) => {
    for (const path of paths) {
      const kind = pageKind(path);
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      queue.push({ path, depth });
    }
  };
  trackRequests(page);
  await page.goto(`${baseUrl}/`);
  await settle(page);
  add(['/', ...(await pageLinks(page))], 0);
  const visited: string[] = [];
  while (queue.length > 0) {
    const { path, depth } = queue.shift()!;
    try {
      await go(page, path);
    } catch (e) {
      throw new Error(`${path} (linked from the pages before it) did not open: ${(e as Error).message.split('\n')[0]}`);
    }
    visited.push(path);
    await visit(path);
    if (depth < maxDepth) add(await pageLinks(page), depth + 1);
  }
  return visited;
}

/**
 * Text a reader of the English pages would meet in Chinese: visible text and the labels read aloud (aria-label,
 * title, placeholder, alt), outside the elements that show data. Data — names of schools, units and people,
 * plan titles, what users wrote — is marked with `lang="zh-CN"` (its language, so a screen reader also reads it
 * right); everything else must be translated. Full-width punctuation counts as Chinese.
 */
export async function chineseOutsideData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
    const isData = (el: Element) => {
      const marked = el.closest('[lang]');
      return !!marked && marked !== document.documentElement && marked.getAttribute('lang')!.startsWith('zh');
    };
    const seen = new Set<string>();
    const found: string[] = [];
    const note = (el: Element, what: string) => {
      const text = what.trim().replace(/\s+/g, ' ').slice(0, 80);
      const where = el.closest('[data-test], [class]');
      const entry = `${text}  @${where ? `${where.tagName.toLowerCase()}.${(where.getAttribute('data-test') ?? where.getAttribute('class') ?? '').split(' ')[0]}` : el.tagName}`;
      if (!seen.has(entry)) {
        seen.add(entry);
        found.push(entry);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !CJK.test(n.nodeValue ?? '') || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
      if (isData(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      note(el, n.nodeValue!);
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'))) {
      if (isData(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr);
        if (v && CJK.test(v)) note(el, `[${attr}] ${v}`);
      }
    }
    if (CJK.test(document.title)) found.push(`<title> ${document.title}`);
    return found;
  });
}

/** The page's problems apart from axe: not exactly one h1. */
export async function headingProblems(page: Page): Promise<string[]> {
  const h1 = await page.locator('h1').count();
  return h1 === 1 ? [] : [`${h1} h1 elements`];
}
