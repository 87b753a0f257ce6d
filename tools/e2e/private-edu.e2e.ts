import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-edu-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `private-edu-${name}.png`), fullPage: true });
/** Picks an option of an Element Plus select by its text (the first one when no text is given). */
async function choose(page: Page, select: string, option?: string) {
  await page.locator(select).first().click();
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
}

describe('公参民治理 (seed item 5)', () => {
  it('the county records a school and its plan, the city returns it with a reason, approves the resubmission; teachers placed and the checklist done, the county completes and the city accepts', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/private-edu/conversions`);
    await county.locator('[data-test="conversion-table"]').waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await county.locator('[data-test="conversion-add"]').click();
    const form = county.locator('[data-test="conversion-form"]');
    await form.waitFor();
    await form.locator('button[type="submit"]').click();
    await expect(text(county, '[data-test="conversion-form"] .hy-field-error')).resolves.toBe('请选择学校');
    await expect(form.locator('.hy-field-error').allTextContents()).resolves.toEqual([
      '请选择学校',
      '请选择公参民类型',
      '请填写参与举办的公办学校',
    ]);
    await shot(county, 'create-errors-zh');
    await choose(county, '[data-test="conversion-school"]');
    await choose(county, '[data-test="conversion-type"]', '公办学校单独举办');
    await form.locator('[data-test="conversion-partner"]').fill('衡南县第一中学');
    await shot(county, 'create-zh');
    await form.locator('button[type="submit"]').click();
    await county.waitForURL(/\/private-edu\/conversions\/\d+$/);
    const url = county.url();
    const status = (page: Page, label: string) => page.locator('[data-test="conversion-status"]', { hasText: label }).waitFor();
    await status(county, '摸底登记');

    await choose(county, '[data-test="conversion-disposal"]', '转为公办');
    await county.locator('[data-test="conversion-plan-text"]').fill('学校整体转为公办，资产划转县教育局，教师随校安置。');
    await shot(county, 'case-surveyed-zh');
    await county.locator('[data-test="conversion-plan-save"]').click();
    await county.locator('[data-test="conversion-notice"]', { hasText: '已保存' }).waitFor();
    await county.locator('[data-test="step-submit_plan"]').click();
    await status(county, '市级审核');

    // The city finds the plan in its 待办 and opens the case from there.
    const city = await as('privedu');
    const id = url.split('/').pop()!;
    await city.goto(`${h.server.url}/inbox`);
    await city.locator(`[data-test="inbox-item"][data-kind="conversion"][data-id="${id}"] a`).click();
    await city.waitForURL(url);
    await status(city, '市级审核');
    await city.locator('[data-test="step-return_plan"]').click();
    const reason = city.locator('[data-test="reason-form"]');
    await reason.waitFor();
    await reason.locator('[data-test="reason-save"]').click();
    await expect(text(city, '[data-test="reason-form"] .hy-field-error')).resolves.toBe('请填写退回原因');
    await reason.locator('[data-test="conversion-reason"]').fill('请补充教师安置的具体安排');
    await reason.locator('[data-test="reason-save"]').click();
    await reason.waitFor({ state: 'hidden' });
    await status(city, '摸底登记');

    await county.goto(url);
    await expect(text(county, '[data-test="conversion-return-reason"]')).resolves.toBe('请补充教师安置的具体安排');
    await county.locator('[data-test="step-submit_plan"]').click();
    await status(county, '市级审核');

    await city.goto(url);
    await city.locator('[data-test="step-approve_plan"]').click();
    await status(city, '实施中');

    await county.goto(url);
    await status(county, '实施中');
    await county.locator('[data-test="teacher-add"]').click();
    const teacher = county.locator('[data-test="teacher-form"]');
    await teacher.waitFor();
    await teacher.locator('[data-test="teacher-name"]').fill('李秀英');
    await teacher.locator('[data-test="teacher-id"]').fill('110101199003074514');
    await choose(county, '[data-test="teacher-staff"]', '在编');
    await teacher.locator('[data-test="teacher-save"]').click();
    await teacher.waitFor({ state: 'hidden' });
    await county.locator('[data-test="conversion-teachers"]', { hasText: '1101**********4514' }).waitFor();

    await county.locator('[data-test="step-complete"]').click();
    await county.locator('[data-test="conversion-notice"]', { hasText: /尚未全部完成|未安置/ }).waitFor();
    await status(county, '实施中');
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'case-implementing-zh');

    await county.locator('[data-test="teacher-place"]').click();
    const place = county.locator('[data-test="place-form"]');
    await place.waitFor();
    await choose(county, '[data-test="place-how"]', '随校转入公办');
    await place.locator('[data-test="place-save"]').click();
    await place.waitFor({ state: 'hidden' });
    for (const task of ['assets', 'rename', 'legalPerson', 'students']) {
      await county.locator(`[data-test="task-${task}"] button`).click();
      const tick = county.locator('[data-test="tick-form"]');
      await tick.waitFor();
      await tick.locator('[data-test="tick-save"]').click();
      await tick.waitFor({ state: 'hidden' });
      await county.locator(`[data-test="task-${task}"] td.hy-muted`).waitFor({ state: 'detached' });
    }
    await county.locator('[data-test="step-complete"]').click();
    await status(county, '已完成');

    await city.goto(url);
    await city.locator('[data-test="step-accept"]').click();
    await status(city, '已验收');
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'case-zh');
    await city.goto(`${h.server.url}/private-edu/conversions`);
    await city.locator('[data-test="conversion-table"]').waitFor();
    await shot(city, 'list-zh');
    await city.locator('header').getByRole('button', { name: 'English' }).click();
    await city.waitForFunction(() => document.documentElement.lang === 'en-US');
    await shot(city, 'list-en');
    await city.goto(url);
    await city.locator('[data-test="conversion-status"]', { hasText: 'Accepted' }).waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'case-en');
  });
});
