import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-cases-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `private-cases-${name}.png`), fullPage: true });
/** Picks an option of the Element Plus select around the input `id` (the first option when no text is given). */
async function choose(page: Page, id: string, option?: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
}
const status = (page: Page, label: string) => page.locator('.hy-dl .el-tag', { hasText: label }).waitFor();
/** A refusal on the page: beside its field, or in the notice. */
const refused = (page: Page, text: string | RegExp) =>
  page.locator('.hy-field-error, .el-alert--error', { hasText: text }).first().waitFor();
/** A step's button; a step that asks for input opens its form, whose submit button carries the step's label. */
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();
const submitStep = (page: Page, form: string, label: string) =>
  page.locator(`[data-test="${form}"]`).getByRole('button', { name: label, exact: true }).click();

describe('办学许可事项 (seed item 5, 规范民办学校办学行为)', () => {
  it('the school applies for 延续, the county returns it with a reason, the school resubmits, the county approves with a validity', async () => {
    const school = await as('minban');
    await school.goto(`${h.server.url}/private-edu/licences`);
    await school.locator('[data-test="licence-table"]').waitFor();
    await school.locator('[data-test="licence-add"]').click();
    const form = school.locator('[data-test="licence-form"]');
    await form.waitFor();
    await choose(school, '#licence-school');
    await choose(school, '#licence-kind', '延续');
    await choose(school, '#licence-registration', '营利性');
    await form.getByRole('button', { name: '保存' }).click();
    // a private school teaching compulsory grades cannot be 营利, and 延续 needs the licence it renews
    await expect(form.locator('.hy-field-error').first().textContent()).resolves.toMatch(/营利/);
    await choose(school, '#licence-registration', '非营利性');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.locator('.hy-field-error').first().textContent()).resolves.toBe('请填写现有办学许可证号');
    await form.getByLabel('办学许可证号').fill('教民143042270000001号');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await school.locator('[data-test="licence-table"] a').first().click();
    await school.waitForURL(/\/private-edu\/licences\/\d+$/);
    const url = school.url();
    await status(school, '待提交');
    await press(school, 'submit');
    await status(school, '待受理');
    // the county decides; the school cannot
    await expect(school.locator('[data-test="step-accept"]').count()).resolves.toBe(0);

    const county = await as('hengnan');
    await county.goto(url);
    await status(county, '待受理');
    await press(county, 'accept');
    await status(county, '审核中');
    await press(county, 'return');
    await county.locator('[data-test="licence-step-form"]').waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await submitStep(county, 'licence-step-form', '退回');
    await refused(county, /原因/); // a return without a reason is refused, in Chinese
    await county.getByLabel('退回原因').fill('缺少近三年年检结论与消防验收材料，请补齐后再提交。');
    await submitStep(county, 'licence-step-form', '退回');
    await status(county, '待提交');
    await county.locator('[data-test="history-reason"]', { hasText: '缺少近三年年检结论' }).waitFor();

    await school.reload();
    await school.getByText('缺少近三年年检结论与消防验收材料').first().waitFor();
    await press(school, 'submit');
    await status(school, '待受理');

    await county.reload();
    await press(county, 'accept');
    await status(county, '审核中');
    await press(county, 'approve');
    const until = county.locator('#licence-valid-until');
    await until.fill('2020-08-31');
    await submitStep(county, 'licence-step-form', '批准');
    await refused(county, '有效期至应晚于今天');
    await status(county, '审核中'); // nothing written
    await until.fill('2030-08-31');
    await submitStep(county, 'licence-step-form', '批准');
    await status(county, '已批准');
    await county.locator('.hy-dl', { hasText: '2030-08-31' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'licence-zh');
    await county.locator('header').getByRole('button', { name: 'English' }).click();
    await county.waitForFunction(() => document.documentElement.lang === 'en-US');
    await status(county, 'Approved');
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'licence-en');
  });
});

describe('普惠性民办园认定 (seed item 10, 学前普及普惠)', () => {
  /** 衡南县's row of the 普惠覆盖率 league: the children counted as 普惠 and all children, from the latest census. */
  async function coverage(page: Page) {
    await page.goto(`${h.server.url}/dashboard/private.puhui-coverage`);
    const row = page.locator('[data-test="kpi-league"] tr[data-unit="430422"] .hy-league__sub').first();
    await row.waitFor();
    const [num, den] = ((await row.textContent()) ?? '').split('/').map((s) => Number(s.replace(/\D/g, '')));
    return { num: num!, den: den! };
  }

  it('the county recognises a pending kindergarten from the start of the school year, and 衡南县’s 普惠覆盖率 rises', async () => {
    const county = await as('hengnan');
    const before = await coverage(county);
    expect(before.num).toBeGreaterThan(0);
    expect(before.num).toBeLessThan(before.den);

    await county.goto(`${h.server.url}/private-edu/puhui?status=submitted`);
    await county.locator('[data-test="puhui-table"] a').first().click();
    await county.waitForURL(/\/private-edu\/puhui\/\d+$/);
    await status(county, '待审核');
    await press(county, 'recognise');
    const form = county.locator('[data-test="puhui-step-form"]');
    await form.waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await county.locator('#puhui-fee-cap').fill('七百五十');
    await county.locator('#puhui-valid-from').fill('2022-03-01');
    await submitStep(county, 'puhui-step-form', '认定');
    await refused(county, /金额/); // not an amount: refused on the page, in Chinese
    await status(county, '待审核');
    await county.locator('#puhui-fee-cap').fill('750');
    await submitStep(county, 'puhui-step-form', '认定');
    await status(county, '已认定');
    await county.locator('.hy-dl', { hasText: '750.00' }).waitFor();
    await county.locator('.hy-dl', { hasText: '2022-03-01' }).waitFor();
    await shot(county, 'puhui-zh');

    const after = await coverage(county);
    expect(after.den).toBe(before.den);
    expect(after.num).toBeGreaterThan(before.num);
    expect(await seriousViolations(county)).toEqual([]);
  });
});
