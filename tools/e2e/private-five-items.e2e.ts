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

/** Picks the first option of an Element Plus select (its list opens in a popper at the end of the page). */
async function chooseFirst(page: Page, id: string, option?: string) {
  await page.locator(`#${id}`).click({ force: true });
  const items = page.locator('.el-select-dropdown__item:visible', option ? { hasText: option } : {});
  await items.first().click();
  // The list closes with a transition: wait until it is gone, so the next select's options are the only ones shown.
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}

/** Each grade's figures within the norms: no written homework in grades 1–2, ≤ 60 min in 3–6; sleep 10 h; PE 4 or 3. */
async function fillGrades(page: Page, homework3: number) {
  const rows = page.locator('[data-test="five-items-form"] [data-test^="grade-"]');
  await rows.first().waitFor();
  for (const row of await rows.all()) {
    const grade = ((await row.getAttribute('data-test')) ?? '').replace('grade-', '');
    const low = grade === 'P1' || grade === 'P2';
    const fill = (field: string, v: number) => page.locator(`#five-items-${grade}-${field}`).fill(String(v));
    await fill('homework', low ? 0 : grade === 'P3' ? homework3 : 50);
    await fill('weekend', low ? 0 : 80);
    await fill('sleep', 10);
    await fill('pe', low ? 4 : 3);
  }
}

describe('五项管理 (seed item 6, “双减”)', () => {
  it('a primary school files its return; the county returns it, the school corrects and resubmits, the county accepts', async () => {
    const school = await as('xiaoxue');
    await school.goto(`${h.server.url}/inbox`);
    await school.getByText('五项管理情况').first().waitFor(); // the reminder: the autumn return is past due
    await school.goto(`${h.server.url}/private-edu/five-items`);
    await school.locator('[data-test="five-items-add"]').click();
    await chooseFirst(school, 'five-items-school');
    await fillGrades(school, 75); // 三年级 75 min: over the 60-minute limit
    await chooseFirst(school, 'five-items-phone', '是');
    await chooseFirst(school, 'five-items-phone-request', '是');
    await chooseFirst(school, 'five-items-reading', '是');
    await school.locator('#five-items-end').fill('17:30');
    await school.locator('#five-items-covered').fill('320');
    await school.locator('#five-items-willing').fill('320');
    await school.locator('[data-test="five-items-form"]').getByRole('button', { name: '保存' }).click();
    await school.locator('[data-test="five-items-form"]').waitFor({ state: 'hidden' });
    await school.goto(`${h.server.url}/private-edu/five-items?term=2022-autumn`);
    await school.locator('[data-test="five-items-table"] a').first().click();
    await school.waitForURL(/\/private-edu\/five-items\/\d+$/);
    const returnUrl = school.url();
    await school
      .locator('[data-test="five-items-breaches"]')
      .getByText(/三年级.*75分钟/)
      .waitFor();
    await press(school, 'submit');
    await status(school, '待审核');

    const county = await as('hengnan');
    await county.goto(returnUrl);
    await status(county, '待审核');
    await press(county, 'return');
    await county.getByLabel('退回原因').fill('三年级书面作业超过60分钟，请整改后重新提交。');
    await submitStep(county, '退回');
    await status(county, '已退回');

    await school.reload();
    await status(school, '已退回');
    await school.getByText('三年级书面作业超过60分钟').first().waitFor();
    await school.locator('[data-test="five-items-edit"]').click();
    await school.locator('#five-items-P3-homework').fill('55');
    await school.locator('[data-test="five-items-form"]').getByRole('button', { name: '保存' }).click();
    await school.locator('[data-test="five-items-breaches"]').waitFor({ state: 'detached' });
    await press(school, 'submit');
    await status(school, '待审核');
    await shot(school, 'school-submitted-zh');

    await county.reload();
    await press(county, 'accept');
    await status(county, '已审核');
  });

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
