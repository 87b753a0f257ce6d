import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseOutsideData, crawl, go, headingProblems, pageKind, ROLES, settle } from './crawl.ts';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-a11y-');

/**
 * Page kinds already read in English. Every role's pages are checked by axe in Chinese; in English each kind of
 * page (pageKind) is read by the first role that reaches it, plus every role's home page (its menu and header):
 * between them the roles cover every page in English once, and the run stays short.
 */
const readInEnglish = new Set<string>();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** A few of the leader's pages photographed in both languages, for a person to look at (not compared). */
const PHOTOGRAPHED = new Set(['/plan', '/dashboard/:id', '/schools/:n', '/safety/hazards/:n']);
async function photograph(page: Page, role: string, path: string, lang: string) {
  if (role !== 'leader' || !PHOTOGRAPHED.has(pageKind(path))) return;
  await page.screenshot({ path: join(SHOTS, `a11y-${lang}-${pageKind(path).replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`) });
}

describe('every page of every role: axe, one h1, and English without Chinese outside data', () => {
  for (const role of ROLES) {
    it(
      role,
      async () => {
        const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
        const page = await context.newPage();
        h.watch(page);
        const problems: string[] = [];
        await signIn(page, h.server.url, role);

        const pages = await crawl(page, h.server.url, async (path) => {
          for (const p of await seriousViolations(page)) problems.push(`${path}: ${p}`);
          for (const p of await headingProblems(page)) problems.push(`${path}: ${p}`);
          if ((await htmlLang(page)) !== 'zh-CN') problems.push(`${path}: html lang ${await htmlLang(page)} in Chinese`);
          await photograph(page, role, path, 'zh');
        });
        expect(pages.length, `${role} reaches pages`).toBeGreaterThan(1);

        // The header's switch, then the app opened fresh with English saved, then the pages through its links.
        await page.locator('header').getByRole('button', { name: 'English' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'en-US');
        await page.goto(`${h.server.url}/`);
        await settle(page);
        for (const path of pages) {
          const kind = pageKind(path);
          if (path !== '/' && readInEnglish.has(kind)) continue;
          readInEnglish.add(kind);
          if (path !== '/') await go(page, path);
          if ((await htmlLang(page)) !== 'en-US') problems.push(`${path}: html lang ${await htmlLang(page)} in English`);
          for (const p of await chineseOutsideData(page)) problems.push(`${path} (en): ${p}`);
          await photograph(page, role, path, 'en');
        }
        await context.close();
        console.log(`${role}: ${pages.length} pages${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
        expect(problems).toEqual([]);
      },
      240_000,
    ); // the leader walks every module’s pages (about 110 s alone on a shared machine)
  }
});
