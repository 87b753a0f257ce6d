import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-aid-funds-');
const HENGNAN = '430422';
const QIDONG = '430426';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `funding-aid-${name}.png`), fullPage: true });
const english = async (page: Page) => {
  await page.locator('header').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
};
/** Picks an option of an Element Plus select (its list opens in a popper at the end of the page). */
async function choose(page: Page, select: Locator, option: RegExp) {
  await select.click({ force: true });
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click();
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}
const yuan = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('学生资助: funds (预算 → 下达 → 发放) and spot checks (抽查)', () => {
  it('the ended spring semester marks 资金滞留 in red; the city records an allocation (refused above the budget) and sees the rate', async () => {
    const city = await as('zizhu');
    await city.goto(`${h.server.url}/funding/aid/funds?semester=2022-1`);
    const qidong = city.locator(`[data-test="aid-fund-standing-${QIDONG}"]`);
    await qidong.waitFor();
    expect(await qidong.textContent()).toContain('资金滞留');
    expect(await city.locator(`[data-test="aid-fund-rate-${QIDONG}"]`).getAttribute('class')).toContain('hy-bad');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'funds-spring');

    await city.goto(`${h.server.url}/funding/aid/funds?item=living_allowance`);
    const rate = city.locator(`[data-test="aid-fund-rate-${HENGNAN}"]`);
    await rate.waitFor();
    const paid = yuan(await city.locator('[data-test="aid-funds-table"] tbody tr', { has: rate }).locator('td').nth(5).textContent());
    expect(paid).toBeGreaterThan(0);
    await city.locator(`[data-test="aid-fund-edit-${HENGNAN}"]`).click();
    await city.locator('[data-test="aid-fund-form"]').waitFor();
    await city.locator('[data-test="aid-fund-budget"]').fill('30000000.00');
    await city.locator('[data-test="aid-fund-allocated"]').fill('30000000.01');
    await city.locator('[data-test="aid-fund-on"]').fill('2022-11-20');
    await city.locator('[data-test="aid-fund-doc"]').fill('衡财教指〔2022〕88号');
    await city.locator('[data-test="aid-fund-save"]').click();
    await city.locator('[data-test="aid-fund-form"]', { hasText: '超过预算金额' }).waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'funds-refused');
    await city.locator('[data-test="aid-fund-allocated"]').fill('20000000.00');
    await city.locator('[data-test="aid-fund-save"]').click();
    await city.locator('[data-test="aid-funds-notice"]').waitFor();
    await expect.poll(() => rate.textContent()).toBe(`${((paid / 20_000_000) * 100).toFixed(1)}%`);
    await shot(city, 'funds-saved');

    await english(city);
    await city.locator('h1', { hasText: 'Aid funds' }).waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'funds-en');
  });

  it('a spot check is drawn, one result 不属实, the check goes to 待整改 and the county sees it', async () => {
    const city = await as('zizhu');
    await city.goto(`${h.server.url}/funding/aid/checks`);
    await city.locator('[data-test="aid-checks-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'checks');
    await city.locator('[data-test="aid-check-add"]').click();
    await city.locator('[data-test="aid-check-form"]').waitFor();
    await choose(city, city.locator('#aid-check-unit'), /衡南县/);
    await city.locator('[data-test="aid-check-size"]').fill('5');
    await city.locator('[data-test="aid-check-draw"]').click();
    await city.waitForURL(/\/funding\/aid\/checks\/\d+$/);
    const checkUrl = city.url();
    await city.locator('[data-test="aid-check-status"]', { hasText: '抽查中' }).waitFor();
    expect(await city.locator('[data-test="aid-check-items"] tbody tr').count()).toBe(5);

    await choose(city, city.locator('[data-test="aid-check-verdict-1"]'), /^不属实$/);
    await choose(city, city.locator('[data-test="aid-check-problem-1"]'), /^重复享受$/);
    await city.locator('input[data-test="aid-check-note-1"], [data-test="aid-check-note-1"] input').fill('同时在外县享受生活补助');
    for (let i = 2; i <= 5; i++) await choose(city, city.locator(`[data-test="aid-check-verdict-${i}"]`), /^属实$/);
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'check-entry');
    await city.locator('[data-test="aid-check-save"]').click();
    await city.locator('[data-test="aid-check-notice"]', { hasText: '不属实 1' }).waitFor();
    await city.locator('[data-test="step-demand"]').click();
    await city.locator('[data-test="aid-check-status"]', { hasText: '待整改' }).waitFor();
    expect(await city.locator('[data-test="step-conclude"]').count()).toBe(0);
    await shot(city, 'check-rectifying');

    // The county reports its 整改 (the checker's steps are not its own).
    const county = await as('hnzizhu');
    await county.goto(checkUrl);
    await county.locator('[data-test="aid-check-status"]', { hasText: '待整改' }).waitFor();
    expect(await county.locator('[data-test="step-close"]').count()).toBe(0);
    await county.locator('[data-test="step-rectify"]').click();
    await county.locator('[data-test="aid-check-rectification"]').fill('已追回重复发放资金，并核查全县同类情况');
    await county.locator('[data-test="aid-check-step-form"]').getByRole('button', { name: '提交整改情况' }).click();
    await county.locator('[data-test="aid-check-status"]', { hasText: '已整改' }).waitFor();
    await english(county);
    await county.locator('h1', { hasText: 'Aid spot check' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'check-rectified-en');
  });
});
