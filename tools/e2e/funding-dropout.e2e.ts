import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-dropout-');
const HENGNAN = '430422';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `funding-dropout-${name}.png`), fullPage: true });
const status = (page: Page, label: string) => page.locator('[data-test="dropout-status"]', { hasText: label }).waitFor();
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();
const english = async (page: Page) => {
  await page.locator('header').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
};
/** Picks an option of an Element Plus select (its list opens in a popper at the end of the page). */
async function choose(page: Page, id: string, option: string) {
  await page.locator(`#${id}`).click({ force: true });
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}
/** 衡南县's 义务教育辍学学生数 on the leader's dashboard. */
async function dropouts(page: Page) {
  await page.goto(`${h.server.url}/dashboard/funding.dropouts`);
  const cell = page.locator(`[data-test="kpi-league"] tr[data-unit="${HENGNAN}"] .hy-league__sub`).first();
  await cell.waitFor();
  return Number(((await cell.textContent()) ?? '').replace(/\D/g, ''));
}

describe('控辍保学 and 随迁子女 (seed item 11)', () => {
  it('a 劝返 brings a child back: the county records it, closes the case, and the dropouts KPI moves', async () => {
    const leader = await as('leader');
    const before = await dropouts(leader);
    expect(before).toBeGreaterThan(0);
    await shot(leader, 'kpi-before');
    // The leader reads the ledger with names masked.
    await leader.goto(`${h.server.url}/funding/dropouts?unit=${HENGNAN}&ledger=open`);
    await leader.locator('[data-test="dropout-table"] tbody tr').first().waitFor();
    expect(await leader.locator('[data-test="dropout-table"] tbody tr td').first().textContent()).toMatch(/\*/);
    expect(await leader.locator('[data-test="dropout-add"]').count()).toBe(0);

    const county = await as('hengnan');
    await county.goto(`${h.server.url}/funding/dropouts?ledger=open&status=persuading`);
    await county.locator('[data-test="dropout-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'ledger');
    await county.locator('[data-test="dropout-table"] tbody tr a').first().click();
    await county.waitForURL(/\/funding\/dropouts\/\d+$/);
    await status(county, '劝返中');
    // A visit that fails keeps the child on the ledger; one that brings it back is 劝返复学.
    await press(county, 'persuade');
    await county.locator('#dropout-persons').fill('县教育局包保干部、班主任');
    await choose(county, 'dropout-result', '已返校复学');
    await county.locator('#dropout-attempt-note').fill('家长同意返校，学生已到校上课');
    await county.locator('[data-test="dropout-step-submit"]').click();
    await status(county, '已复学');
    await county.locator('[data-test="dropout-attempts"] tbody tr', { hasText: '已返校复学' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'case-returned');
    await press(county, 'close');
    await status(county, '已销号');
    await shot(county, 'case-closed');

    expect(await dropouts(leader)).toBe(before - 1);
    await shot(leader, 'kpi-after');
  });

  it('the returns: a school’s overdue month in its 待办, filed from the returns page; the county sees who has not filed', async () => {
    const school = await as('xiaoxue');
    await school.goto(`${h.server.url}/inbox`);
    await school.locator('[data-test="inbox-dropoutReturn"]').getByText('2022-10').first().waitFor();
    await school.goto(`${h.server.url}/funding/dropout-returns`);
    await school.locator('[data-test="return-file"]').click();
    await choose(school, 'return-period', '2022-10');
    await school.locator('#return-school').click({ force: true });
    await school.locator('.el-select-dropdown__item:visible').first().click();
    await school.locator('#return-note').fill('本月无新增疑似辍学学生');
    await school.locator('[data-test="return-save"]').click();
    await school.locator('[data-test="returns-table"] tbody tr', { hasText: '2022-10' }).first().waitFor();
    await shot(school, 'returns-school');

    const county = await as('hengnan');
    await county.goto(`${h.server.url}/funding/dropout-returns?kind=school_month&period=2022-11`);
    await county.locator('[data-test="missing-table"] tbody tr').first().waitFor();
    expect(await county.locator('[data-test="missing-standing"]').textContent()).toContain('未到截止日期');
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'returns-missing');
    await county.goto(`${h.server.url}/funding/dropout-returns?kind=county_quarter`);
    await county.locator('[data-test="returns-table"] tbody tr').first().waitFor();
    await shot(county, 'returns-quarterly');
  });

  it('随迁子女 per county with the share against the target; the pages in English', async () => {
    const city = await as('funding');
    await city.goto(`${h.server.url}/funding/migrant`);
    await city.locator('[data-test="migrant-table"] tbody tr').first().waitFor();
    expect(await city.locator('[data-test="migrant-table"] tbody').textContent()).toContain('未填报');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'migrant');
    await english(city);
    await city.getByRole('heading', { name: 'Migrant children' }).waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await city.goto(`${h.server.url}/funding/dropouts`);
    await city.getByRole('heading', { name: 'Dropout ledger' }).waitFor();
    await city.locator('[data-test="dropout-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'ledger-en');
  });
});
