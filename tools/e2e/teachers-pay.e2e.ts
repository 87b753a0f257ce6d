import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-pay-');
/** The demo's 2022 story: 耒阳市 and 祁东县 below the civil servants, 衡南县's teachers paid their bonus late. */
const LEIYANG = '430481';
const QIDONG = '430426';
const HENGNAN = '430422';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const english = async (page: Page) => {
  await page.locator('header').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
};
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-pay-${name}.png`), fullPage: true });

describe('教师工资保障 (seed item 19)', () => {
  it('a county below the benchmark shows red on the comparison, in words, and red on the dashboard’s 工资保障 detail', async () => {
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/pay?year=2022`);
    const below = city.locator(`[data-test="pay-below-${LEIYANG}"]`);
    await below.waitFor();
    expect(await below.textContent()).toContain('低于公务员');
    await city.locator(`[data-test="pay-below-${QIDONG}"]`).waitFor();
    expect(await city.locator(`[data-test="pay-late-${HENGNAN}"]`).textContent()).toContain('晚于公务员36天');
    expect(await city.locator('[data-test="pay-summary"]').textContent()).toContain('达标10个');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'comparison');

    // The return of 耒阳市: its finding in words.
    await city.locator('[data-test="pay-comparison"] a', { hasText: '耒阳市' }).click();
    await city.waitForURL(/\/teachers\/pay\/returns\/\d+$/);
    expect(await city.locator('[data-test="pay-findings"]').textContent()).toContain('低于公务员89,730.00元');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'return');

    const leader = await as('leader');
    await leader.goto(`${h.server.url}/dashboard/teachers.wage-guarantee`);
    const league = (unit: string) => leader.locator(`[data-test="kpi-league"] tr[data-unit="${unit}"]`);
    await league(LEIYANG).locator('[data-status="red"]').waitFor();
    await league(QIDONG).locator('[data-status="red"]').waitFor();
    await shot(leader, 'dashboard');
  });

  it('衡南县 sees only its own row and takes on its 督查整改 case', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/pay?year=2022`);
    await county.locator(`[data-test="pay-late-${HENGNAN}"]`).waitFor();
    expect(await county.locator('[data-test="pay-comparison"] tbody tr').count()).toBe(1);
    await county.goto(`${h.server.url}/teachers/pay/rectifications?year=2022`);
    await county.locator('[data-test="rect-table"] a').first().click();
    await county.waitForURL(/\/teachers\/pay\/rectifications\/\d+$/);
    await county.locator('[data-test="step-start"]').click();
    await county.locator('.hy-dl .el-tag', { hasText: '整改中' }).first().waitFor();
    await county.locator('[data-test="step-report"]').click();
    await county.locator('#rect-measures').fill('已与公务员同步发放年终一次性奖励，并建立同步发放机制');
    await county.locator('[data-test="rect-step-form"]').getByRole('button', { name: '报告整改情况', exact: true }).click();
    await county.locator('.hy-dl .el-tag', { hasText: '待复核' }).first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'rectification');
  });

  it('the pages in English', async () => {
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/pay?year=2022`);
    await city.locator(`[data-test="pay-below-${LEIYANG}"]`).waitFor();
    await english(city);
    expect(await city.locator(`[data-test="pay-below-${LEIYANG}"]`).textContent()).toContain('Below civil servants');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'comparison-en');
    await city.goto(`${h.server.url}/teachers/pay/rectifications`);
    await city.locator('[data-test="rect-table"] a').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
  });
});
