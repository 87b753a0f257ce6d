import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseOutsideData, go, headingProblems, settle } from './crawl.ts';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-training-');
const PAGES = ['/private-edu/training', '/private-edu/training/1', '/private-edu/training/capacity', '/private-edu/training/platform'];

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}

describe('校外培训机构 (seed item 6)', () => {
  it('the city’s pages pass axe with one h1, in Chinese and in English without Chinese outside data', async () => {
    const page = await as('privedu');
    const problems: string[] = [];
    for (const path of PAGES) {
      await go(page, path);
      for (const p of await seriousViolations(page)) problems.push(`${path}: ${p}`);
      for (const p of await headingProblems(page)) problems.push(`${path}: ${p}`);
    }
    await page.locator('header').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    for (const path of PAGES) {
      await go(page, path);
      await settle(page);
      for (const p of await seriousViolations(page)) problems.push(`${path} (en): ${p}`);
      for (const p of await chineseOutsideData(page)) problems.push(`${path} (en): ${p}`);
      await page.screenshot({ path: join(SHOTS, `private-training-en${path.replace(/\W+/g, '-')}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
  });

  it('a county filters its 学科类 institutions and takes a 营改非 step from the keyboard, 终止 asking its reason', async () => {
    const page = await as('hengnan');
    await go(page, '/private-edu/training?conversion=not_started');
    const first = page.locator('[data-test="training-table"] tbody tr a').first();
    await first.waitFor();
    expect(await page.locator('[data-test="training-table"] tbody tr', { hasText: '衡阳县' }).count()).toBe(0);
    await first.focus();
    await page.keyboard.press('Enter');
    const terminate = page.getByRole('button', { name: '终止' });
    await terminate.waitFor();
    await terminate.focus();
    await page.keyboard.press('Enter');
    const form = page.locator('[data-test="training-step-form"]');
    await form.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '换发办学许可证' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'private-training-step.png'), fullPage: true });
  });
});

describe('全国平台名单导入 and a case’s institution', () => {
  it('the city opens the platform list’s import dialog on 平台比对; it passes axe', async () => {
    const page = await as('privedu');
    await go(page, '/private-edu/training/platform');
    await page.locator('[data-test="platform-import"]').click();
    const dialog = page.getByRole('dialog', { name: '导入全国平台机构名单' });
    await dialog.waitFor();
    await dialog.locator('[data-test="platform-template"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'private-training-platform-import.png'), fullPage: true });
  });

  it('a county’s 线索登记 offers the institutions of its county, searched by name', async () => {
    const page = await as('hengnan');
    await go(page, '/private-edu/enforcement');
    await page.locator('[data-test="enforcement-add"]').click();
    const picker = page.locator('#enforcement-institution');
    await picker.click();
    await picker.fill('培训');
    const option = page.locator('.el-select-dropdown__item:visible').first();
    await option.waitFor();
    await page.screenshot({ path: join(SHOTS, 'private-enforcement-institution.png'), fullPage: true });
    // Chosen, the list closes and the dialog names the institution; axe reads the dialog then (Element Plus's open
    // popper is its own widget, not the page's).
    const chosen = ((await option.textContent()) ?? '').trim();
    await option.click();
    await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
    await expect.poll(async () => (await page.locator('[data-test="enforcement-form"]').textContent())?.includes(chosen)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
