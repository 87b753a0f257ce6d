import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { realPng } from './fixtures.ts';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-enforcement-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `private-enforcement-${name}.png`), fullPage: true });
/** Picks an option of the Element Plus select around the input `id`. */
async function choose(page: Page, id: string, option: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click();
}
const status = (page: Page, label: string) => page.locator('[data-test="enforcement-status"]', { hasText: label }).waitFor();
const press = (page: Page, action: string) => page.locator(`[data-test="step-${action}"]`).click();
const submitStep = (page: Page, label: string) =>
  page.locator('[data-test="enforcement-step-form"]').getByRole('button', { name: label, exact: true }).click();

/** 衡南县's row of the 结案率 league: closed ÷ filed in the plan year. */
async function closedRate(page: Page) {
  await page.goto(`${h.server.url}/dashboard/private.enforcement-closed`);
  const row = page.locator('[data-test="kpi-league"] tr[data-unit="430422"] .hy-league__sub').first();
  await row.waitFor();
  const [num, den] = ((await row.textContent()) ?? '').split('/').map((s) => Number(s.replace(/\D/g, '')));
  return { num: num!, den: den! };
}

describe('校外培训执法案件 (seed item 6, 重拳整治校外违规培训)', () => {
  it('hengnan registers a 线索 and takes it through every step to 结案 with evidence; 衡南县’s 结案率 moves', async () => {
    const county = await as('hengnan');
    const before = await closedRate(county);
    expect(before.den).toBeGreaterThan(0);

    await county.goto(`${h.server.url}/private-edu/enforcement`);
    await county.locator('[data-test="enforcement-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'list-zh');
    await county.locator('[data-test="enforcement-add"]').click();
    const form = county.locator('[data-test="enforcement-form"]');
    await form.waitFor();
    await county.locator('#enforcement-subject').fill('衡南县端到端测试教育咨询工作室');
    await county.locator('#enforcement-address').fill('衡南县云集街道测试路18号');
    await choose(county, '#enforcement-source', '群众举报');
    await choose(county, '#enforcement-violation', '超期预收费');
    await county.locator('#enforcement-summary').fill('家长举报该工作室一次性收取一学期学费');
    await county.locator('#enforcement-prepaid-from').fill('2022-09-01');
    await county.locator('#enforcement-prepaid-to').fill('2022-12-01');
    await county.locator('#enforcement-prepaid-lessons').fill('60');
    await county.locator('[data-test="prepayment-check"]', { hasText: '未超过3个月或60课时' }).waitFor();
    await county.locator('#enforcement-prepaid-lessons').fill('80');
    await county.locator('[data-test="prepayment-check"]', { hasText: '一次收费超过60课时' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'dialog-zh');
    await form.getByRole('button', { name: '保存' }).click();
    await county.waitForURL(/\/private-edu\/enforcement\/\d+$/);
    await status(county, '线索');

    await press(county, 'verify');
    await status(county, '核查');
    await press(county, 'file');
    await county.locator('#enforcement-case-no').fill('衡南教执立〔2022〕99号');
    await submitStep(county, '立案');
    await status(county, '调查取证');
    // 告知 without evidence is refused; with a photo it goes through.
    await press(county, 'notify');
    await submitStep(county, '告知');
    await county.locator('.hy-field-error, .el-alert--error', { hasText: '证据材料' }).first().waitFor();
    await county
      .locator('[data-test="enforcement-upload-evidence"]')
      .setInputFiles({ name: '现场检查照片.png', mimeType: 'image/png', buffer: realPng() });
    await county.locator('[data-test="enforcement-file"]', { hasText: '现场检查照片.png' }).waitFor();
    await submitStep(county, '告知');
    await status(county, '已告知');
    await press(county, 'decide');
    await county.locator('#enforcement-decision-no').fill('衡南教罚〔2022〕99号');
    await choose(county, '#enforcement-penalties', '警告、通报批评');
    await county.keyboard.press('Escape');
    await submitStep(county, '作出处罚决定');
    await status(county, '已决定');
    await press(county, 'execute');
    await county.locator('#enforcement-result').fill('已送达警告决定书，已退还超期预收费用');
    await submitStep(county, '执行完毕');
    await status(county, '已执行');
    await press(county, 'close');
    await submitStep(county, '结案');
    await status(county, '已结案');
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'case-zh');
    await county.locator('header').getByRole('button', { name: 'English' }).click();
    await county.waitForFunction(() => document.documentElement.lang === 'en-US');
    await status(county, 'Closed');
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'case-en');
    await county.goto(`${h.server.url}/private-edu/enforcement?overdue=yes`);
    await county.locator('[data-test="enforcement-table"] tbody tr').first().waitFor();
    await shot(county, 'list-en');

    const after = await closedRate(county);
    expect(after).toEqual({ num: before.num + 1, den: before.den + 1 });
  });
});
