import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-support-');

async function as(user: string, locale = 'zh-CN'): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-support-${name}.png`), fullPage: true });
/** Picks an option of an Element Plus select (after typing `search` into it when given). */
async function choose(page: Page, id: string, option?: string, search?: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  if (search) await page.locator(id).fill(search);
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
  await expect.poll(() => page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
}

// The gate's refusal of a blacklisted person at nomination is proven by the API tests on both engines
// (routers/teachers/honours): the demo data has no person on the 黑名单 still in post to try in the browser.
describe('支教 and 表彰 through the entry gate (seed item 18)', () => {
  it('a county dispatches a teacher to a rural school’s need: a stale 准入查询 is refused, a recent one admitted; the fill rises', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/support?open=yes`);
    await county.locator('[data-test="needs-table"] a').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'needs-zh');
    await county.locator('[data-test="needs-table"] a').first().click();
    await county.waitForURL(/\/teachers\/support\/\d+$/);
    await county.locator('[data-test="need-dispatch"]').waitFor();
    const before = await county.locator('[data-test="need-dispatches"] tbody tr').count();
    await county.locator('[data-test="need-dispatch"]').click();
    const form = county.locator('[data-test="dispatch-form"]');
    await form.waitFor();
    await choose(county, '#dispatch-teacher');
    await form.getByLabel('准入查询日期').fill('2022-03-01');
    await choose(county, '#dispatch-query-result', '无相关记录');
    await form.getByRole('button', { name: '派遣支教教师' }).click();
    await county.locator('#dispatch-queried-on-error', { hasText: '准入查询距入职已超过90天，请重新查询' }).waitFor();
    await shot(county, 'dispatch-refused-zh');
    await form.getByLabel('准入查询日期').fill('2022-08-20');
    await form.getByRole('button', { name: '派遣支教教师' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => county.locator('[data-test="need-dispatches"] tbody tr').count()).toBe(before + 1);
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'need-zh');
    await county.goto(`${h.server.url}/teachers/support/dispatches`);
    await county.locator('[data-test="dispatches-table"] a').first().waitFor();
    await shot(county, 'dispatches-zh');
  });

  it('a county nominates a teacher within its quota and the city approves it', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/honours`);
    await county.locator('[data-test="rounds-table"] a').first().click();
    await county.waitForURL(/\/teachers\/honours\/\d+$/);
    await county.locator('[data-test="round-quotas"]').waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    const roundUrl = county.url();
    // a teacher with a clean record takes the county's free place
    await county.locator('[data-test="round-nominate"]').click();
    const form = county.locator('[data-test="nominate-form"]');
    await choose(county, '#nominate-teacher');
    await form.getByLabel('主要事迹').fill('扎根乡村教育十余年，所教班级成绩优异，积极参与课后服务。');
    await form.getByRole('button', { name: '提交' }).click();
    await form.waitFor({ state: 'hidden' });
    await shot(county, 'round-zh');

    const city = await as('teachers');
    // the city reviews: approves the county's nomination
    await city.goto(`${h.server.url}/inbox`);
    await city.getByText('表彰推荐待审核').first().waitFor();
    await city.goto(roundUrl);
    const act = city.locator('[data-test^="nomination-act-"]').first();
    await act.waitFor();
    const approved = () => city.locator('[data-test="round-nominations"] .el-tag', { hasText: '已批准' }).count();
    const before = await approved();
    await act.click();
    await city.locator('[data-test="step-approve"]').click();
    await expect.poll(approved).toBe(before + 1);
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'round-city-zh');
    await city.locator('header').getByRole('button', { name: 'English' }).click();
    await city.waitForFunction(() => document.documentElement.lang === 'en-US');
    await city.getByText('Nominations').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'round-en');
  });
});
