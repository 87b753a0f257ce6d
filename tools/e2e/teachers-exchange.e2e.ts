import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-exchange-');
const HENGNAN = '430422';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-exchange-${name}.png`), fullPage: true });
const status = (page: Page, label: string) => page.locator('[data-test="exchange-status"]', { hasText: label }).first().waitFor();
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();

/** Picks the first option of an Element Plus select (or the one with `option`'s text). */
async function chooseFirst(page: Page, id: string, option?: string) {
  await page.locator(`#${id}`).click({ force: true });
  const items = page.locator('.el-select-dropdown__item:visible', option ? { hasText: option } : {});
  await items.first().click();
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}

/** 衡南县's row of a KPI's league: numerator and denominator. */
async function league(page: Page, kpi: string) {
  await page.goto(`${h.server.url}/dashboard/${kpi}`);
  const row = page.locator(`[data-test="kpi-league"] tr[data-unit="${HENGNAN}"] .hy-league__sub`).first();
  await row.waitFor();
  const [num, den] = ((await row.textContent()) ?? '').split('/').map((s) => Number(s.replace(/\D/g, '')));
  return { num: num!, den: den! };
}

/** Adds one eligible teacher to the open plan: the first teacher offered, the first receiving school, 骨干 or not. */
async function addTeacher(page: Page, backbone: boolean) {
  const rows = await page.locator('[data-test="exchange-records"] tbody tr').count();
  await page.locator('[data-test="exchange-add-record"]').click();
  await chooseFirst(page, 'exchange-staff');
  await chooseFirst(page, 'exchange-to');
  await chooseFirst(page, 'exchange-backbone', backbone ? '是' : '否');
  await page.locator('[data-test="exchange-record-form"]').getByRole('button', { name: '保存' }).click();
  await page.locator('[data-test="exchange-record-form"]').waitFor({ state: 'hidden' });
  await expect.poll(() => page.locator('[data-test="exchange-records"] tbody tr').count()).toBe(rows + 1);
}

describe('县管校聘 (seed item 19)', () => {
  it('衡南县 makes its 2022-2023 plan, adds teachers and reports it; the city approves; the dashboard shows the new ratios', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/exchange`);
    await county.locator('[data-test="exchange-add"]').click();
    await county.locator('#exchange-planned').fill('2');
    await county.locator('[data-test="exchange-plan-form"]').getByRole('button', { name: '保存' }).click();
    await county.waitForURL(/\/teachers\/exchange\/\d+/);
    await status(county, '编制中');
    const planUrl = county.url().replace(/\?.*$/, '');
    // The first teacher, 骨干, with a start outside the school year first: refused in Chinese beside its field.
    await county.locator('[data-test="exchange-add-record"]').click();
    await chooseFirst(county, 'exchange-staff');
    await chooseFirst(county, 'exchange-to');
    await chooseFirst(county, 'exchange-backbone', '是');
    const form = county.locator('[data-test="exchange-record-form"]');
    await county.locator('#exchange-start').fill('2023-09-01');
    await form.getByRole('button', { name: '保存' }).click();
    await county.locator('.hy-field-error', { hasText: '交流开始日期应在2022-2023学年内' }).first().waitFor();
    await county.locator('#exchange-start').fill('2022-09-01');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => county.locator('[data-test="exchange-records"] tbody tr').count()).toBe(1);
    await addTeacher(county, false);
    await county.locator('[data-test="exchange-backbone"]', { hasText: '50.0%' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'plan-draft-zh');
    await press(county, 'submit');
    await status(county, '已报送');

    const city = await as('teachers');
    await city.goto(`${h.server.url}/inbox`);
    await city.getByText('交流轮岗计划').first().waitFor();
    await city.goto(planUrl);
    await status(city, '已报送');
    await press(city, 'approve');
    await status(city, '已审核');
    await shot(city, 'plan-approved-zh');

    await expect.poll(async () => (await league(city, 'teachers.exchange-rate')).num).toBe(2);
    const rate = await league(city, 'teachers.exchange-rate');
    expect(rate.den).toBeGreaterThan(0);
    await shot(city, 'kpi-rate-zh');
    expect(await league(city, 'teachers.exchange-backbone')).toEqual({ num: 1, den: 2 });

    await city.goto(`${h.server.url}/teachers/exchange/summary`);
    await city.locator(`[data-test="exchange-summary"]`).getByText('衡南县').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'summary-zh');

    await county.goto(planUrl);
    await status(county, '已审核');
    await county.locator('header').getByRole('button', { name: 'English' }).click();
    await county.waitForFunction(() => document.documentElement.lang === 'en-US');
    await county.getByText('Teachers exchanging').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'plan-en');
    await county.goto(`${h.server.url}/teachers/exchange/designations`);
    await county.locator('[data-test="designations-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'designations-en');
  });
});
