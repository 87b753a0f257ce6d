import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-named-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const cards = (page: Page) => page.locator('[data-test="named-cards"] > *');

describe('重点项目 (the named projects) for leadership', () => {
  it('the leader sees the seven projects, the late ones flagged, filters them and opens a photo by keyboard', async () => {
    const page = await as('leader');
    await page.goto(`${h.server.url}/funding`);
    // The module's navigation: the 学位建设 group, then its 重点项目 page.
    await page.locator('[data-test="group-seats"]').click();
    await page.locator('[data-test="tab-named"]').click();
    await page.waitForURL(/\/funding\/named/);
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(7);
    await page.locator('[data-test="named-photo"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const strip = (await page.locator('[data-test="named-summary"]').textContent()) ?? '';
    expect(strip).toContain('5 / 7');
    const s17 = page.locator('[data-test="named-shi17-relocation"]');
    expect(await s17.locator('[data-test="named-state"]').textContent()).toContain('滞后 91 天');
    expect(await s17.locator('[data-test="milestone-topped_out"]').textContent()).toContain('已逾期 91 天');
    expect(await page.locator('[data-test="named-vocational-dorm"] [data-test="named-state"]').textContent()).toContain('已投入使用');
    expect(await s17.textContent()).toContain('45,000.00万元');
    await page.screenshot({ path: join(SHOTS, 'funding-named-zh.png'), fullPage: true });

    // A photo is a link the keyboard reaches; Enter opens the picture.
    const photo = s17.locator('[data-test="named-photo"]').first();
    await photo.focus();
    expect(await photo.evaluate((el) => el === document.activeElement)).toBe(true);
    const [opened] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
    await opened.waitForLoadState();
    expect(opened.url()).toMatch(/\/api\/files\/funding\/\d+\?inline=1$/);
    const response = await page.request.get(opened.url());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    await opened.close();

    // Filter: the late ones only.
    await page.locator('.hy-filters .el-select', { has: page.getByRole('combobox', { name: '推进状态' }) }).click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '滞后' }).click();
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(2);
    for (const text of await page.locator('[data-test="named-state"]').allTextContents()) expect(text).toMatch(/滞后 \d+ 天/);

    // The KPI's drill-down to one unit (?unit=): 衡南县's 楚怡中职.
    await page.goto(`${h.server.url}/funding/named?unit=430422`);
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-test="named-summary"]').textContent()).toContain('1 / 1');
  });

  it('reads in English, the projects’ names marked as Chinese', async () => {
    const page = await as('leader');
    await page.goto(`${h.server.url}/funding/named`);
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(7);
    await page.locator('header').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    await page.getByRole('heading', { name: 'Named projects', level: 1 }).waitFor();
    await page.locator('[data-test="named-photo"]').first().waitFor();
    expect(await page.locator('h2[lang="zh-CN"]', { hasText: '市十七中搬迁' }).count()).toBe(1);
    expect(await page.locator('[data-test="named-shi17-relocation"] [data-test="named-state"]').textContent()).toContain(
      'Behind by 91 days',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'funding-named-en.png'), fullPage: true });
  });

  it('衡南县 sees its own named project only', async () => {
    const page = await as('hengnan');
    await page.goto(`${h.server.url}/funding/named`);
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await cards(page).first().textContent()).toContain('楚怡中职');
  });
});
