import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-programmes-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-programmes-${name}.png`), fullPage: true });

describe('教师补充计划 (seed item 18)', () => {
  it('the city sees every county’s 到岗率 with the short ones in red, and sets a county’s quota', async () => {
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers`);
    await city.locator('[data-test="tab-programmes"]').click();
    await city.waitForURL(/\/teachers\/programmes$/);
    await city.locator('#programme-unit-430422').waitFor();
    // 祁东县 is short of its 2022 特岗 plan in the demo: its rate is red.
    await city.locator('[data-test="programme-summary"] .hy-bad').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'summary-zh');

    await city.locator('[data-test="programme-edit-430422"]').click();
    const form = city.locator('[data-test="quota-form"]');
    await form.waitFor();
    await city.locator('[data-test="quota-silver"]').fill('-3');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('计划人数应为不小于0的整数').waitFor();
    const special = city.locator('[data-test="quota-special_post"]');
    const before = Number(await special.inputValue());
    await special.fill(String(before + 5));
    await city.locator('[data-test="quota-silver"]').fill('4');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await city.getByText('已保存（已记入审计）').waitFor();
    await expect.poll(async () => city.locator('[data-test="rate-430422-special_post"]').textContent()).toMatch(/%/);

    await city.locator('header').getByRole('button', { name: 'English' }).click();
    await city.waitForFunction(() => document.documentElement.lang === 'en-US');
    await city.getByText('Arrival rate').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'summary-en');
  });

  it('a county records an arrival and an early departure; a county sees no quota editor', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/programmes`);
    await county.locator('#programme-unit-430422').waitFor();
    expect(await county.locator('[data-test^="programme-edit-"]').count()).toBe(0);
    // The quota raised above leaves room on the 2022 特岗 list: add a person and record the arrival.
    await county.goto(`${h.server.url}/teachers/programmes/persons?programme=special_post&year=2022`);
    await county.locator('[data-test="programme-persons"] tbody tr').first().waitFor();
    await county.locator('[data-test="programme-add"]').click();
    const add = county.locator('[data-test="add-person-form"]');
    await add.waitFor();
    await county.locator('#add-programme').click({ force: true });
    await county.locator('.el-select-dropdown__item:visible', { hasText: '特岗教师' }).first().click();
    await expect.poll(() => county.locator('.el-select-dropdown__item:visible').count()).toBe(0);
    await county.locator('#add-year').click({ force: true });
    await county.locator('.el-select-dropdown__item:visible', { hasText: '2022' }).first().click();
    await expect.poll(() => county.locator('.el-select-dropdown__item:visible').count()).toBe(0);
    await county.locator('#add-school').click({ force: true });
    await county.locator('.el-select-dropdown__item:visible').first().click();
    await expect.poll(() => county.locator('.el-select-dropdown__item:visible').count()).toBe(0);
    await county.locator('[data-test="add-name"]').fill('周新岗');
    await county.locator('[data-test="add-id-number"]').fill('430422199805120021');
    await add.getByRole('button', { name: '登记计划人员' }).click();
    await add
      .getByText(/身份证号/)
      .first()
      .waitFor();
    await county.locator('[data-test="add-id-number"]').fill('430422199805120028');
    await add.getByRole('button', { name: '登记计划人员' }).click();
    await add.waitFor({ state: 'hidden' });

    await county.goto(`${h.server.url}/teachers/programmes/persons?q=周新岗`);
    const arrive = county.locator('[data-test^="programme-arrive-"]').first();
    await arrive.click();
    const form = county.locator('[data-test="arrive-form"]');
    await county.locator('[data-test="arrive-on"]').fill('2022-12-30');
    await form.getByRole('button', { name: '登记到岗' }).click();
    await form.getByText('到岗日期不能晚于今天').waitFor();
    await county.locator('[data-test="arrive-on"]').fill('2022-11-01');
    await form.getByRole('button', { name: '登记到岗' }).click();
    await county.getByText(/服务期至 2025-11-01/).waitFor();
    await county.locator('[data-test="programme-persons"]').getByText('服务中').waitFor();

    await county.locator('[data-test^="programme-depart-"]').first().click();
    const dep = county.locator('[data-test="depart-form"]');
    await county.locator('[data-test="depart-on"]').fill('2022-11-20');
    await county.locator('[data-test="depart-reason"]').fill('考取公务员');
    await dep.getByRole('button', { name: '提前离岗' }).click();
    await dep.waitFor({ state: 'hidden' });
    await county.locator('[data-test="programme-persons"] .hy-bad', { hasText: '提前离岗' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);

    await county.goto(`${h.server.url}/teachers/programmes/persons?unit=430422&status=left`);
    await county.locator('[data-test="programme-persons"] tbody tr').first().waitFor();
    await shot(county, 'persons-zh');
    await county.locator('header').getByRole('button', { name: 'English' }).click();
    await county.waitForFunction(() => document.documentElement.lang === 'en-US');
    await county.getByText('Obligation ends').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'persons-en');
  });

  it('the city sets the 定向县 on the summary page: the note and the quota dialog follow; a save over someone else’s is refused', async () => {
    const city = await as('teachers');
    const other = await as('teachers');
    for (const p of [city, other]) {
      await p.goto(`${h.server.url}/teachers/programmes`);
      await p.locator('[data-test="programme-targeted"]').waitFor();
    }
    const card = city.locator('[data-test="programme-targeted"]');
    await card.locator('[data-test="targeted-430422"]').check();
    await card.locator('[data-test="targeted-save"]').click();
    await card.locator('[data-test="targeted-notice"]', { hasText: '已保存（已记入审计）' }).waitFor();
    await city.getByText(/优师计划只面向定向县：衡南县/).waitFor();
    await city.locator('[data-test="programme-edit-430422"]').click();
    await city.locator('[data-test="quota-excellent"]').waitFor();
    await city.keyboard.press('Escape');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'targeted-zh');

    // The second page still holds the version it read: its save is refused in Chinese and the card reloads.
    const stale = other.locator('[data-test="programme-targeted"]');
    await stale.locator('[data-test="targeted-430481"]').check();
    await stale.locator('[data-test="targeted-save"]').click();
    await stale.locator('[data-test="targeted-notice"]', { hasText: '该记录已被他人修改，请刷新后重新提交' }).waitFor();
    await expect.poll(() => stale.locator('[data-test="targeted-430422"]').isChecked()).toBe(true);

    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/programmes`);
    await county.locator('#programme-unit-430422').waitFor();
    expect(await county.locator('[data-test="programme-targeted"]').count()).toBe(0);
  });
});
