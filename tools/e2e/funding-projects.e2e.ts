import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-projects-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const rows = (page: Page) => page.locator('[data-test="projects-table"] tbody tr');
const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
/** The city's places delivered, as the totals strip of the project list shows them. */
async function cityDelivered(page: Page): Promise<number> {
  await page.goto(`${h.server.url}/funding/projects`);
  const value = page.locator('[data-test="seat-delivered"] .hy-stat__value');
  await value.waitFor();
  return number(await value.textContent());
}
async function english(page: Page) {
  await page.locator('header').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
}

describe('学位建设: a project reaching 投入使用 moves the city total', () => {
  it('hengnan records 投入使用 with the places delivered on a project at 竣工验收; the city’s total grows by them', async () => {
    const city = await as('funding');
    const before = await cityDelivered(city);
    expect(before).toBeGreaterThan(20_000);
    expect(await city.locator('[data-test="seat-totals"]').textContent()).toContain('33,730');

    const page = await as('hengnan');
    await page.goto(`${h.server.url}/funding/projects?stage=accepted`);
    await rows(page).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'funding-projects-list.png'), fullPage: true });
    await rows(page).first().locator('a').first().click();
    await page.locator('[data-test="project-timeline"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'funding-project-page.png'), fullPage: true });

    await page.locator('[data-test="project-reach"]').click();
    const form = page.locator('[data-test="milestone-form"]');
    await form.waitFor();
    // 投入使用 without the places is refused in Chinese beside the field.
    // The date defaults to the business day (the window's 2022).
    await form.locator('[data-test="milestone-delivered"]').fill('');
    await form.locator('[data-test="milestone-submit"]').click();
    await expect.poll(async () => (await form.textContent()) ?? '').toContain('投入使用时请填写实际新增学位数');
    await form.locator('[data-test="milestone-delivered"]').fill('345');
    await form.locator('[data-test="milestone-submit"]').click();
    await page.locator('[data-test="project-notice"]').waitFor();
    await expect.poll(async () => page.locator('[data-test="project-schedule"]').textContent()).toContain('已投入使用');
    expect(await page.locator('[data-test="project-timeline"] [data-milestone="in_use"]').textContent()).toContain('2022-');

    await expect.poll(() => cityDelivered(city), { timeout: 90_000, interval: 5_000 }).toBe(before + 345);
  });

  it('the allocation: the city sees the grid summing to 33,730; a county reads its share; both languages', async () => {
    const city = await as('funding');
    await city.goto(`${h.server.url}/funding/allocation`);
    await city.locator('[data-test="allocation-grid"]').waitFor();
    expect(await city.locator('[data-test="allocation-total"]').textContent()).toContain('33,730');
    expect(await seriousViolations(city)).toEqual([]);
    // One place less is refused: the sum must be the target.
    const cell = city.getByLabel('衡南县 普通中小学 农村', { exact: true });
    const value = number(await cell.inputValue());
    await cell.fill(String(value - 1));
    expect(await city.locator('[data-test="allocation-sum"]').textContent()).toContain('还差 1 个');
    await city.locator('[data-test="allocation-save"]').click();
    await expect.poll(async () => city.locator('[data-test="allocation-error"]').textContent()).toContain('应等于目标33,730个');
    await cell.fill(String(value));
    await city.screenshot({ path: join(SHOTS, 'funding-allocation.png'), fullPage: true });
    await english(city);
    await city.getByRole('heading', { name: 'School-place allocation' }).waitFor();
    await city.screenshot({ path: join(SHOTS, 'funding-allocation-en.png'), fullPage: true });

    const county = await as('hengnan');
    await county.goto(`${h.server.url}/funding/allocation`);
    await county.locator('[data-test="allocation-grid"]').waitFor();
    expect(await county.locator('[data-test="allocation-grid"] tbody tr').count()).toBe(1);
    expect(await county.locator('[data-test="allocation-save"]').count()).toBe(0);

    await english(county);
    await county.goto(`${h.server.url}/funding/projects`);
    await rows(county).first().waitFor();
    await county.getByRole('heading', { name: 'School-place projects' }).waitFor();
    await county.screenshot({ path: join(SHOTS, 'funding-projects-list-en.png'), fullPage: true });
    await rows(county).first().locator('a').first().click();
    await county.locator('[data-test="project-timeline"]').waitFor();
    await county.screenshot({ path: join(SHOTS, 'funding-project-page-en.png'), fullPage: true });
  });
});
