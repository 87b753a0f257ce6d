import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-ethics-');

async function as(user: string, locale = 'zh-CN'): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-ethics-${name}.png`), fullPage: true });
/** Picks an option of the Element Plus select around the input `id` (the first option when no text is given). */
async function choose(page: Page, id: string, option?: string, search?: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  if (search) await page.locator(id).fill(search);
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
}
const status = (page: Page, label: string) => page.locator('[data-test="ethics-status"]', { hasText: label }).waitFor();
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();
const submitStep = (page: Page, label: string) =>
  page.locator('[data-test="ethics-step-form"]').getByRole('button', { name: label, exact: true }).click();
/** A valid 18-digit ID number (GB 11643 check character) from its first 17 digits. */
function idNumber(first17: string) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('师德失范 cases, the 黑名单 and the entry gate (seed item 17)', () => {
  const person = idNumber('43042219850315123');

  it('the county’s ethics role takes a clue to a decision that blacklists; a hire of that person in another county is refused', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/ethics`);
    await county.locator('[data-test="ethics-table"]').waitFor();
    await county.locator('[data-test="ethics-report"]').click();
    const form = county.locator('[data-test="ethics-report-form"]');
    await form.waitFor();
    await choose(county, '#ethics-school');
    await choose(county, '#ethics-person-mode', '填写姓名和身份证号');
    await form.getByLabel('姓名').fill('韩某某');
    await form.getByLabel('身份证号').fill(person);
    await choose(county, '#ethics-clause', '关心爱护学生');
    await choose(county, '#ethics-source', '群众举报');
    await form.getByLabel('线索内容').fill('家长举报该教师多次体罚学生，致一名学生受伤。');
    expect(await seriousViolations(county)).toEqual([]);
    await form.getByRole('button', { name: '登记' }).click();
    await form.waitFor({ state: 'hidden' });
    await county.locator('[data-test="ethics-table"] a', { hasText: '韩某某' }).first().click();
    await county.waitForURL(/\/teachers\/ethics\/\d+$/);
    const url = county.url();
    await status(county, '线索');
    await shot(county, 'case-clue-zh');

    await press(county, 'verify');
    await status(county, '核查');
    await press(county, 'file');
    await status(county, '立案');
    await press(county, 'investigate');
    await status(county, '调查');
    const findings = county.locator('[data-test="ethics-findings-form"]');
    await findings.getByLabel('调查认定的事实').fill('经调查核实，该教师于2022年10月多次罚站并推搡学生，致一名学生手臂擦伤。');
    await findings.getByRole('button', { name: '保存调查认定的事实' }).click();
    await county.getByText('已保存调查认定的事实').waitFor();
    await press(county, 'notify');
    await county.locator('[data-test="ethics-step-form"]').waitFor();
    await submitStep(county, '告知');
    await status(county, '告知');
    const defence = county.locator('[data-test="ethics-defence-form"]');
    await defence.getByLabel('陈述申辩情况').fill('本人承认体罚学生，请求从轻处理。');
    await defence.getByRole('button', { name: '保存陈述申辩情况' }).click();
    await county.getByText('已保存陈述申辩情况').waitFor();
    await shot(county, 'case-notified-zh');

    await press(county, 'decide');
    const step = county.locator('[data-test="ethics-step-form"]');
    await step.waitFor();
    await choose(county, '#ethics-handling', '开除');
    await choose(county, '#ethics-certificate', '撤销教师资格');
    await step.getByLabel('处理决定').fill('经研究，给予该教师开除处分，撤销其教师资格。');
    await submitStep(county, '作出决定');
    // 开除 and 撤销 must blacklist: refused beside the field, nothing written
    await step.locator('.hy-field-error', { hasText: '应列入黑名单' }).waitFor();
    await choose(county, '#ethics-blacklist', '是');
    expect(await seriousViolations(county)).toEqual([]);
    await submitStep(county, '作出决定');
    await status(county, '决定');
    await county.locator('[data-test="ethics-listing"]', { hasText: '永久' }).waitFor();
    // a county cannot lift a blacklist entry: no lifting offered
    await expect(county.locator('[data-test="ethics-lift"]').count()).resolves.toBe(0);
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'case-decided-zh');
    await county.goto(`${h.server.url}/teachers/blacklist`);
    await county.locator('[data-test="blacklist-table"]', { hasText: '韩某某' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'blacklist-zh');
    await county.goto(`${h.server.url}/teachers/ethics`);
    await county.locator('[data-test="ethics-table"]', { hasText: '韩某某' }).waitFor();
    await shot(county, 'list-zh');
    expect(url).toMatch(/\/teachers\/ethics\/\d+$/);

    // the city department hires the same person at a 耒阳 school: refused, with the reason (it may know it)
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/staff`);
    await city.locator('[data-test="staff-add"]').click();
    const hire = city.locator('[data-test="hire-form"]');
    await hire.waitFor();
    await hire.getByLabel('身份证号').fill(person);
    await hire.getByLabel('姓名').fill('韩某某');
    await choose(city, '#hire-school', '耒阳', '耒阳');
    await choose(city, '#hire-employment', '合同制');
    await choose(city, '#hire-post', '工勤');
    await hire.getByLabel('入职日期').fill('2022-11-30');
    await hire.getByLabel('准入查询日期').fill('2022-11-20');
    await choose(city, '#hire-query-result', '无相关记录');
    await hire.getByRole('button', { name: '办理入职' }).click();
    await hire.locator('.hy-field-error', { hasText: '该人员在师德失范黑名单期限内，不得录用' }).waitFor();
    await shot(city, 'hire-refused-zh');

    // 耒阳's own account (no ethics role) is refused too, without the reason; it has no 师德 tabs
    const leiyang = await as('leiyang');
    await leiyang.goto(`${h.server.url}/teachers/staff`);
    await leiyang.locator('[data-test="staff-add"]').click();
    const own = leiyang.locator('[data-test="hire-form"]');
    await own.waitFor();
    await expect(leiyang.locator('[data-test="group-ethics"]').count()).resolves.toBe(0);
    await expect(leiyang.locator('[data-test="tab-ethics"]').count()).resolves.toBe(0);
    // a hire without the 准入查询 is refused, whoever the person is, and says why
    await own.getByLabel('身份证号').fill(idNumber('43048119920101456'));
    await own.getByLabel('姓名').fill('许某');
    await choose(leiyang, '#hire-school');
    await choose(leiyang, '#hire-employment', '合同制');
    await choose(leiyang, '#hire-post', '工勤');
    await own.getByLabel('入职日期').fill('2022-11-30');
    await own.getByRole('button', { name: '办理入职' }).click();
    await leiyang.locator('#hire-queried-on-error', { hasText: '未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用' }).waitFor();
    // with the query, the blacklisted person is refused without the reason (耒阳 has no ethics role)
    await own.getByLabel('准入查询日期').fill('2022-11-20');
    await choose(leiyang, '#hire-query-result', '无相关记录');
    await own.getByLabel('身份证号').fill(person);
    await own.getByLabel('姓名').fill('韩某某');
    await own.getByRole('button', { name: '办理入职' }).click();
    await own.locator('.hy-field-error', { hasText: '不符合准入条件' }).waitFor();
    await shot(leiyang, 'hire-refused-county-zh');
    await expect(own.isVisible()).resolves.toBe(true);
  });

  it('the city department may not lift within a 撤销’s bar; on appeal its review changes the decision and the entry is lifted', async () => {
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/blacklist`);
    const row = city.locator('[data-test="blacklist-table"] tr', { hasText: '韩某某' }).first();
    await row.waitFor();
    await row.getByRole('link').click();
    await city.waitForURL(/\/teachers\/ethics\/\d+$/);
    await status(city, '决定');
    // 撤销: not within its 5-year bar, so the 科室 is offered no lifting either
    await expect(city.locator('[data-test="ethics-lift"]').count()).resolves.toBe(0);
    await press(city, 'appeal');
    await city.getByLabel('受理申诉原因').fill('当事人认为处理过重，提出申诉。');
    await submitStep(city, '受理申诉');
    await status(city, '申诉复核');
    await press(city, 'review');
    const form = city.locator('[data-test="ethics-step-form"]');
    await form.waitFor();
    await choose(city, '#ethics-outcome', '变更决定');
    await choose(city, '#ethics-handling', '降低岗位等级或撤职');
    await choose(city, '#ethics-certificate', '不涉及');
    await choose(city, '#ethics-blacklist', '否');
    await form.getByLabel('处理决定').fill('经复核，原处理偏重，改为降低岗位等级处分。');
    await city.getByLabel('复核决定原因').fill('经复核，当事人系初犯且认错态度好，原处理偏重。');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'case-review-zh');
    await submitStep(city, '复核决定');
    await status(city, '决定');
    await city.locator('[data-test="ethics-listing"]', { hasText: '已解除' }).waitFor();
    await city.locator('.hy-dl', { hasText: '变更决定' }).waitFor();
    await shot(city, 'case-reviewed-zh');
    await city.locator('header').getByRole('button', { name: 'English' }).click();
    await city.waitForFunction(() => document.documentElement.lang === 'en-US');
    await status(city, 'Decided');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'case-decided-en');
    await city.goto(`${h.server.url}/teachers/blacklist`);
    await city
      .locator('[data-test="blacklist-table"]', { hasText: 'Permanent' })
      .or(city.locator('[data-test="blacklist-table"]', { hasText: 'permanent' }))
      .first()
      .waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'blacklist-en');
    await city.goto(`${h.server.url}/teachers/ethics`);
    await city.locator('[data-test="ethics-table"]', { hasText: 'Decided' }).waitFor();
    await shot(city, 'list-en');
  });
  it('the city department lifts an entry a decision chose (开除, no certificate action) before its end, with its reasons', async () => {
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/ethics`);
    await city.locator('[data-test="ethics-report"]').click();
    const form = city.locator('[data-test="ethics-report-form"]');
    await form.waitFor();
    await choose(city, '#ethics-school', '衡南', '衡南');
    await choose(city, '#ethics-person-mode', '填写姓名和身份证号');
    await form.getByLabel('姓名').fill('魏某某');
    await form.getByLabel('身份证号').fill(idNumber('43042219800808341'));
    await choose(city, '#ethics-clause', '规范从教行为');
    await choose(city, '#ethics-source', '督导检查');
    await form.getByLabel('线索内容').fill('督导检查发现该教师长期组织学生有偿补课。');
    await form.getByRole('button', { name: '登记' }).click();
    await form.waitFor({ state: 'hidden' });
    await city.locator('[data-test="ethics-table"] a', { hasText: '魏某某' }).first().click();
    await city.waitForURL(/\/teachers\/ethics\/\d+$/);
    for (const [action, next] of [
      ['verify', '核查'],
      ['file', '立案'],
      ['investigate', '调查'],
    ] as const) {
      await press(city, action);
      await status(city, next);
    }
    await city
      .locator('[data-test="ethics-findings-form"]')
      .getByLabel('调查认定的事实')
      .fill('经查实，该教师2022年暑期组织有偿补课，收取费用。');
    await city.locator('[data-test="ethics-findings-form"]').getByRole('button', { name: '保存调查认定的事实' }).click();
    await city.getByText('已保存调查认定的事实').waitFor();
    await press(city, 'notify');
    await submitStep(city, '告知');
    await status(city, '告知');
    await press(city, 'decide');
    const step = city.locator('[data-test="ethics-step-form"]');
    await step.waitFor();
    await choose(city, '#ethics-handling', '开除');
    await choose(city, '#ethics-blacklist', '是');
    await step.getByLabel('处理决定').fill('经研究，给予该教师开除处分，列入黑名单。');
    await submitStep(city, '作出决定');
    await status(city, '决定');
    await city.locator('[data-test="ethics-lift"]').click();
    const lift = city.locator('[data-test="ethics-lift-form"]');
    await lift.getByRole('button', { name: '解除黑名单' }).click();
    await lift.locator('.hy-field-error').first().waitFor();
    await lift.getByLabel('解除理由').fill('经复查，当事人已退还全部费用，确有悔改表现。');
    expect(await seriousViolations(city)).toEqual([]);
    await lift.getByRole('button', { name: '解除黑名单' }).click();
    await city.getByText('已解除黑名单（已记入审计）').waitFor();
    await city.locator('[data-test="ethics-listing"]', { hasText: '已解除' }).waitFor();
    await city.locator('.hy-history__detail', { hasText: '确有悔改表现' }).waitFor();
    await shot(city, 'case-lifted-zh');
  });
});
