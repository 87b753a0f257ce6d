import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-five-items-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `private-five-items-${name}.png`), fullPage: true });
const status = (page: Page, label: string) => page.locator('.hy-dl .el-tag', { hasText: label }).first().waitFor();
const refused = (page: Page, text: string | RegExp) =>
  page.locator('.hy-field-error, .el-alert--error', { hasText: text }).first().waitFor();
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();
const submitStep = (page: Page, label: string) =>
  page.locator('[data-test="five-items-step-form"]').getByRole('button', { name: label, exact: true }).click();

/** 衡南县's row of the 五项管理达标率 league: compliant accepted schools and schools concerned. */
async function compliance(page: Page) {
  await page.goto(`${h.server.url}/dashboard/private.five-items-compliance`);
  const row = page.locator('[data-test="kpi-league"] tr[data-unit="430422"] .hy-league__sub').first();
  await row.waitFor();
  const [num, den] = ((await row.textContent()) ?? '').split('/').map((s) => Number(s.replace(/\D/g, '')));
  return { num: num!, den: den! };
}

/** Opens the first submitted, compliant autumn return of 衡南县. */
async function openSubmitted(page: Page) {
  await page.goto(`${h.server.url}/private-edu/five-items?term=2022-autumn&status=submitted&compliant=yes`);
  await page.locator('[data-test="five-items-table"] a').first().click();
  await page.waitForURL(/\/private-edu\/five-items\/\d+$/);
  await status(page, '待审核');
}

describe('五项管理 (seed item 6, “双减”)', () => {
  // The demo `school` account belongs to a kindergarten (no compulsory grades, so no return): the school's half of the
  // flow (fill, submit, correct, resubmit) is covered by the API test; here the county reviews seeded returns.
  it('the county returns a return with a reason and accepts another; 衡南县’s 五项管理达标率 rises', async () => {
    const county = await as('hengnan');
    const before = await compliance(county);
    expect(before.den).toBeGreaterThan(0);
    expect(before.num).toBeLessThan(before.den);

    await openSubmitted(county);
    expect(await seriousViolations(county)).toEqual([]);
    await county.locator('[data-test="five-items-grid"]').waitFor();
    await press(county, 'return');
    await county.locator('[data-test="five-items-step-form"]').waitFor();
    await submitStep(county, '退回');
    await refused(county, /原因/);
    await county.getByLabel('退回原因').fill('三年级作业时长与抽查情况不符，请核实后重新提交。');
    await submitStep(county, '退回');
    await status(county, '已退回');
    await county.getByText('三年级作业时长与抽查情况不符').first().waitFor();
    await shot(county, 'returned-zh');

    await openSubmitted(county);
    await press(county, 'accept');
    await status(county, '已审核');

    await expect.poll(async () => (await compliance(county)).num).toBe(before.num + 1);
    expect((await compliance(county)).den).toBe(before.den);

    await county.goto(`${h.server.url}/private-edu/five-items?term=2022-autumn&compliant=no`);
    await county.locator('[data-test="five-items-table"] a').first().click();
    await county.locator('[data-test="five-items-breaches"]').waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'return-zh');
    await county.locator('header').getByRole('button', { name: 'English' }).click();
    await county.waitForFunction(() => document.documentElement.lang === 'en-US');
    await county.getByText('Judgement').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'return-en');
  });
});
