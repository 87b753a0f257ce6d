import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-fees-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const rows = (page: Page) => page.locator('[data-test="fee-table"] tbody tr');
/** Picks an option of the Element Plus select around the input `id` (the first option when no text is given). */
async function choose(page: Page, id: string, option?: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
}

describe('保教费收费记录 beyond the 普惠 cap', () => {
  it('the county lists the 超限 records, corrects one to its cap and records a new term; bad amounts refused in Chinese', async () => {
    const page = await as('hengnan');
    await page.goto(`${h.server.url}/private-edu/fees?over=yes`);
    await rows(page).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const over = await rows(page).count();
    expect(over).toBeGreaterThan(0);
    for (const text of await rows(page).allTextContents()) expect(text).toContain('超限');

    // Correct the first one to its cap, from the keyboard.
    const cap = ((await rows(page).first().locator('td').nth(4).textContent()) ?? '').trim().replace(/,/g, '');
    await rows(page).first().getByRole('button', { name: /更正/ }).focus();
    await page.keyboard.press('Enter');
    const form = page.locator('[data-test="fee-form"]');
    const fee = form.getByLabel('每月实收保教费（元）');
    await fee.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await fee.fill('八百');
    await fee.press('Enter');
    await expect(form.locator('.hy-field-error').first().textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await fee.fill(cap);
    await fee.press('Enter');
    await page.locator('.el-alert', { hasText: '已更正收费记录' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(over - 1);

    // A new record for the spring term.
    await page.locator('[data-test="fee-add"]').click();
    await choose(page, '#fee-school');
    await choose(page, '#fee-term', '春季学期');
    await form.getByLabel('每月实收保教费（元）').fill('1200');
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('.el-alert', { hasText: '已登记收费记录' }).waitFor();
    await page.goto(`${h.server.url}/private-edu/fees?term=spring`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('1,200.00');
    await page.screenshot({ path: join(SHOTS, 'private-fees-county.png'), fullPage: true });
  });

  it('the city reads every county’s records, without the record buttons, in English too', async () => {
    const page = await as('privedu');
    await page.goto(`${h.server.url}/private-edu/fees`);
    await rows(page).first().waitFor();
    expect(await page.locator('[data-test="fee-add"]').count()).toBe(0);
    expect(await rows(page).first().getByRole('button').count()).toBe(0);
    await page.locator('header').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    await page.getByRole('heading', { name: 'Kindergarten fee records' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'private-fees-en.png'), fullPage: true });
  });
});
