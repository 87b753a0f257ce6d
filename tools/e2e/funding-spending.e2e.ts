import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-spending-');
const HENGNAN = '430422';
const QIDONG = '430426';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `funding-spending-${name}.png`), fullPage: true });
const status = (page: Page, label: string) => page.locator('[data-test="spending-status"]', { hasText: label }).waitFor();
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();
const submitStep = (page: Page, label: string) =>
  page.locator('[data-test="spending-step-form"]').getByRole('button', { name: label, exact: true }).click();
const english = async (page: Page) => {
  await page.locator('header').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
};
const yuanOf = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('教育经费决算 and “两个只增不减” (seed item 9)', () => {
  it('the city reopens 衡南县’s 2021 return; the county lowers it below 2020 and submits; the city accepts; the county shows red', async () => {
    // The rule as seeded: 祁东县 fell, 衡南县 met.
    const city = await as('funding');
    await city.goto(`${h.server.url}/funding/two-no-decrease?unit=${HENGNAN}`);
    const row = (page: Page, unit: string) => page.locator(`[data-test="rule-row-${unit}"]`);
    await row(city, HENGNAN).waitFor();
    expect(await row(city, HENGNAN).locator('[data-test="rule-check"]').textContent()).toContain('达标');
    expect(await row(city, QIDONG).textContent()).toContain('支出下降');
    expect(await row(city, QIDONG).locator('[data-test="rule-check"]').textContent()).toContain('未达标');
    const spending2020 = yuanOf(await row(city, HENGNAN).locator('td').nth(0).textContent());
    expect(spending2020).toBeGreaterThan(0);

    // The returns list, filtered in the URL.
    await city.goto(`${h.server.url}/funding/spending?unit=${HENGNAN}&year=2021`);
    const rows = city.locator('[data-test="spending-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await seriousViolations(city)).toEqual([]);
    await city.goto(`${h.server.url}/funding/spending`);
    await rows.first().waitFor();
    await shot(city, 'list');
    await city.goto(`${h.server.url}/funding/spending?unit=${HENGNAN}&year=2021`);
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('link').click();
    await status(city, '已审核');
    const url = city.url();

    // 退回修订 needs a reason.
    await press(city, 'reopen');
    await city.locator('[data-test="spending-step-form"]').waitFor();
    await submitStep(city, '退回修订');
    await city.locator('.hy-field-error, .el-alert--error', { hasText: /原因/ }).first().waitFor();
    await city.getByLabel('退回修订原因').fill('2021年决算经财政复核调整，请按调整后数据重新填报。');
    await submitStep(city, '退回修订');
    await status(city, '待提交');

    // The county corrects the draft to less than its 2020 spending, and submits.
    const county = await as('hengnan');
    await county.goto(url);
    await status(county, '待提交');
    await county.locator('[data-test="spending-return-reason"]', { hasText: '决算经财政复核调整' }).waitFor();
    await county.locator('[data-test="spending-edit"]').click();
    const form = county.locator('[data-test="spending-form"]');
    await form.waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    const total = form.locator('#spending-total');
    await total.fill('十亿');
    await form.getByRole('button', { name: '保存' }).click();
    await form.locator('.hy-field-error').first().waitFor(); // refused beside the field, in Chinese
    expect(await form.locator('.hy-field-error').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    const lowered = Math.floor(spending2020 * 0.9);
    await total.fill(String(lowered));
    await form.getByRole('button', { name: '保存' }).click();
    await county.locator('.el-alert', { hasText: '已保存修改' }).waitFor();
    await expect.poll(async () => yuanOf(await county.locator('[data-test="spending-amount"]').textContent())).toBe(lowered);
    await press(county, 'submit');
    await status(county, '待审核');
    await shot(county, 'return');

    // The city accepts (it did not submit it).
    await city.reload();
    await status(city, '待审核');
    await press(city, 'accept');
    await status(city, '已审核');

    // The leader's dashboard: 衡南县 red for “两个只增不减”.
    const leader = await as('leader');
    await leader.goto(`${h.server.url}/dashboard/funding.two-no-decrease`);
    const league = (unit: string) => leader.locator(`[data-test="kpi-league"] tr[data-unit="${unit}"]`);
    await league(HENGNAN).locator('[data-status="red"]').waitFor();
    await league(QIDONG).locator('[data-status="red"]').waitFor();
    await shot(leader, 'dashboard');

    // The rule page shows the flag, with its words.
    await city.goto(`${h.server.url}/funding/two-no-decrease?unit=${HENGNAN}`);
    await row(city, HENGNAN).locator('[data-test="rule-check"]', { hasText: '未达标' }).waitFor();
    expect(await row(city, HENGNAN).textContent()).toContain('支出下降');
    await city.locator('[data-test="rule-chart-spending"] svg[role="img"]').waitFor();
    expect(await city.locator('[data-test="rule-chart-spending"] svg').getAttribute('aria-label')).toContain('2021');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'rule');
  });

  it('the pages in English', async () => {
    const page = await as('funding');
    await page.goto(`${h.server.url}/funding/spending`);
    await page.locator('[data-test="spending-table"] tbody tr').first().waitFor();
    await english(page);
    await page.getByRole('heading', { name: 'Spending returns' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'list-en');
    await page.locator('[data-test="spending-table"] tbody tr').first().getByRole('link').click();
    await page.locator('[data-test="spending-status"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'return-en');
    await page.goto(`${h.server.url}/funding/two-no-decrease?unit=${QIDONG}`);
    await page.locator(`[data-test="rule-row-${QIDONG}"] [data-test="rule-check"]`, { hasText: 'Not met' }).waitFor();
    expect(await page.locator(`[data-test="rule-row-${QIDONG}"]`).textContent()).toContain('Spending fell');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'rule-en');
  });
});
