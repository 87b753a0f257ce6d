import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-ledger-');

async function as(user: string, locale = 'zh-CN'): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
/** A stat card's figure by its label. */
const stat = async (page: Page, label: string) =>
  ((await page.locator('.hy-stat', { hasText: label }).locator('.hy-stat__value').first().textContent()) ?? '').trim();
const percent = (s: string) => Number(s.replace('%', ''));
/** Picks an option of the Element Plus select around the input `id` (the first option when no text is given). */
async function choose(page: Page, id: string, option?: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
}

describe('the private share (seed item 5: ≤5%)', () => {
  it('a new lever moves the projected share and never the census share; the ledger’s what-if moves the city’s projection', async () => {
    const page = await as('privedu');
    await page.goto(`${h.server.url}/private-edu`);
    await page.locator('[data-test="private-edu-by-unit"]').waitFor();
    await page.locator('[data-test="census-trend"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const census = await stat(page, '市域民办义务教育在校生占比');
    const projected = await stat(page, '预计占比');
    expect(percent(projected)).toBeLessThan(percent(census));
    // the census share is the latest census, the earliest one is the end-2020 baseline
    const trend = await page.locator('[data-test="census-trend"] tbody tr').allTextContents();
    expect(trend[0]).toContain('2020-2021');
    expect(trend.at(-1)).toContain(census);

    await page.locator('[data-test="tab-levers"]').click();
    await page.locator('[data-test="lever-table"]').waitFor();
    await page.locator('[data-test="lever-add"]').click();
    const form = page.locator('[data-test="lever-form"]');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.locator('.hy-field-error').first().textContent()).resolves.toBe('请选择学校');
    // a school with pupils and no lever planned yet (a school counts once, with its largest lever)
    await page.locator('.el-select', { has: page.locator('#lever-school') }).click();
    await page
      .locator('.el-select-dropdown__item:visible[data-planned="0"]')
      .filter({ hasNotText: /在校生 0，/ })
      .first()
      .click();
    await choose(page, '#lever-kind', '招生计划压减');
    await choose(page, '#lever-year', '2023-2024');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.locator('.hy-field-error').first().textContent()).resolves.toBe('“招生计划压减”请填写影响的在校生数');
    await form.getByLabel('影响学生数').fill('300');
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('.el-alert', { hasText: '已登记' }).waitFor();

    await page.locator('[data-test="tab-home"]').click();
    await page.locator('[data-test="private-edu-by-unit"]').waitFor();
    await expect.poll(() => stat(page, '预计占比')).not.toBe(projected);
    expect(percent(await stat(page, '预计占比'))).toBeLessThan(percent(projected));
    expect(await stat(page, '市域民办义务教育在校生占比')).toBe(census);

    await page.locator('[data-test="tab-ledger"]').click();
    await page.locator('[data-test="ledger-levers"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const withAll = await stat(page, '全市预计占比');
    expect(await stat(page, '全市 2022-2023 占比')).toBe(census);
    await page.locator('[data-test="include-none"]').click();
    await expect.poll(() => stat(page, '全市预计占比')).toBe(census);
    await page.locator('[data-test="include-all"]').click();
    await expect.poll(() => stat(page, '全市预计占比')).toBe(withAll);
    // one lever out: the projection rises, from the keyboard alone
    await page.locator('[data-test="ledger-levers"] input[type="checkbox"]').first().focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => percent(await stat(page, '全市预计占比'))).toBeGreaterThan(percent(withAll));
    await page.screenshot({ path: join(SHOTS, 'private-ledger.png'), fullPage: true });

    // the counting rule: bought seats still counted as private raise the census share
    const settings = page.locator('[data-test="ledger-settings"]');
    await choose(page, '#ledger-rule', '仍计入民办');
    await settings.getByRole('button', { name: '保存口径' }).click();
    await settings.locator('.el-alert', { hasText: '已保存（已记入审计）' }).waitFor();
    await expect.poll(async () => percent(await stat(page, '全市 2022-2023 占比'))).toBeGreaterThan(percent(census));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads in English too', async () => {
    const page = await as('privedu', 'en-US');
    await page.evaluate(() => localStorage.setItem('hyedu.locale', 'en-US'));
    await page.goto(`${h.server.url}/private-edu/ledger`);
    await page.locator('[data-test="ledger-units"]').waitFor();
    await page.getByRole('heading', { name: 'Reduction ledger' }).waitFor();
    expect(await page.locator('.hy-stat__label').allTextContents()).toContain('City projected share');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'private-ledger-en.png'), fullPage: true });
  });
});
