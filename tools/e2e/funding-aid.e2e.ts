import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-aid-');
const HENGNAN = '430422';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `funding-aid-${name}.png`), fullPage: true });
const count = async (page: Page, test: string) =>
  Number(((await page.locator(`[data-test="${test}"]`).textContent()) ?? '').replace(/[^\d]/g, ''));

describe('学生资助 (seed item 11): 应助未助 until aided', () => {
  it('an eligible pupil stays on 应助未助 until aided: the school recognises, the county pays, the list and the coverage move', async () => {
    // Leadership: counts, and masked rows only.
    const leader = await as('leader');
    await leader.goto(`${h.server.url}/funding/aid`);
    await leader.locator(`[data-test="aid-open-${HENGNAN}"]`).waitFor();
    await leader.locator('[data-test="aid-counts-only"]').waitFor();
    expect(await leader.locator('[data-test="aid-run"]').count()).toBe(0);
    expect(await seriousViolations(leader)).toEqual([]);
    await shot(leader, 'overview-leader');
    await leader.goto(`${h.server.url}/funding/aid/unaided?unit=${HENGNAN}`);
    const firstName = leader.locator('[data-test="aid-unaided-table"] tbody tr td').first();
    await firstName.waitFor();
    expect(await firstName.textContent()).toMatch(/^.\*+.?$/);
    expect(await leader.locator('[data-test="aid-unaided-table"] a').count()).toBe(0);
    await shot(leader, 'unaided-leader');

    // The county aid centre's figures before.
    const county = await as('hnzizhu');
    await county.goto(`${h.server.url}/funding/aid`);
    await county.locator(`[data-test="aid-open-${HENGNAN}"]`).waitFor();
    const openBefore = await count(county, `aid-open-${HENGNAN}`);
    const aidedBefore = await count(county, `aid-aided-${HENGNAN}`);
    const coverageBefore = await county.locator(`[data-test="aid-coverage-${HENGNAN}"]`).textContent();

    // The school's aid staff: its own pupils, by name; 完成认定.
    const school = await as('xxzizhu');
    await school.goto(`${h.server.url}/funding/aid/unaided`);
    const link = school.locator('[data-test="aid-unaided-table"] a').first();
    await link.waitFor();
    const name = ((await link.textContent()) ?? '').trim();
    expect(name).not.toContain('*');
    await link.click();
    await school.waitForURL(/\/funding\/aid\/follow-ups\/\d+$/);
    const followUpUrl = school.url();
    expect(await school.locator('[data-test="aid-pay"]').count()).toBe(0);
    // The aid staff verify by the full ID number on the record page (the lists show it masked).
    expect((await school.locator('[data-test="aid-id-number"]').textContent())?.trim()).toMatch(/^\d{17}[\dX]$/);
    await school.locator('[data-test="step-recognise"]').click();
    await school.locator('[data-test="aid-status"]', { hasText: '已认定待发放' }).waitFor();
    expect(await seriousViolations(school)).toEqual([]);
    await shot(school, 'follow-up-recognised');

    // The county: the pupil is still on the list (已认定待发放) until paid.
    await county.goto(`${h.server.url}/funding/aid/unaided?q=${encodeURIComponent(name)}`);
    await county.locator('[data-test="aid-unaided-table"] a', { hasText: name }).first().waitFor();
    await shot(county, 'unaided-county');
    await county.goto(followUpUrl);
    await county.locator('[data-test="aid-pay"]').click();
    await county.locator('[data-test="aid-pay-form"]').waitFor();
    await expect.poll(() => county.locator('#aid-pay-amount').inputValue()).toMatch(/^\d+\.\d{2}$/);
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'pay-dialog');
    await county.locator('[data-test="aid-pay-form"]').getByRole('button', { name: '登记发放', exact: true }).click();
    await county.locator('[data-test="aid-paid"]').waitFor();
    await county.locator('[data-test="aid-status"]', { hasText: '已资助' }).waitFor();
    expect(await county.locator('[data-test="aid-payments"] tbody tr').count()).toBe(1);
    await shot(county, 'follow-up-aided');

    // Off the list, and the county's figures moved.
    await county.goto(`${h.server.url}/funding/aid/unaided?q=${encodeURIComponent(name)}`);
    await county.locator('[data-test="aid-unaided-table"]').waitFor();
    await expect.poll(() => county.locator('[data-test="aid-unaided-table"] a', { hasText: name }).count()).toBe(0);
    await county.goto(`${h.server.url}/funding/aid`);
    await county.locator(`[data-test="aid-open-${HENGNAN}"]`).waitFor();
    expect(await count(county, `aid-open-${HENGNAN}`)).toBe(openBefore - 1);
    expect(await count(county, `aid-aided-${HENGNAN}`)).toBe(aidedBefore + 1);
    const coverageAfter = await county.locator(`[data-test="aid-coverage-${HENGNAN}"]`).textContent();
    expect(parseFloat(coverageAfter ?? '0')).toBeGreaterThanOrEqual(parseFloat(coverageBefore ?? '0'));
    await shot(county, 'overview-county-after');
  });

  it('资助设置: the city aid centre widens the 100% target to 高中 and the coverage counts the new scope; the 科室 reads them', async () => {
    const office = await as('funding');
    await office.goto(`${h.server.url}/funding/aid/settings`);
    await office.locator('[data-test="aid-settings"]').waitFor();
    expect(await office.locator('[data-test="aid-settings-save"]').count()).toBe(0);
    expect(await office.locator('[data-test="aid-stage-senior"]').isDisabled()).toBe(true);

    const city = await as('zizhu');
    await city.goto(`${h.server.url}/funding/aid`);
    await city.locator('[data-test="aid-stat-eligible"]').waitFor();
    const eligibleBefore = await count(city, 'aid-stat-eligible');
    await city.locator('[data-test="aid-to-settings"]').click();
    await city.locator('[data-test="aid-settings"]').waitFor();
    expect(await city.locator('[data-test="aid-stage-senior"]').isChecked()).toBe(false);
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'settings');
    // A bad amount is refused beside its field, nothing saved.
    await city.locator('[data-test="aid-amount-living_allowance-primary-day"]').fill('五百');
    await city.locator('[data-test="aid-settings-save"]').click();
    await city.locator('#aid-amount-living_allowance-primary-day-error').waitFor();
    await city.locator('[data-test="aid-amount-living_allowance-primary-day"]').fill('500.00');
    await city.locator('[data-test="aid-stage-senior"]').check();
    await city.locator('[data-test="aid-settings-save"]').click();
    await city.locator('[data-test="aid-settings-notice"]', { hasText: '设置已保存' }).waitFor();
    await city.reload();
    await city.locator('[data-test="aid-settings"]').waitFor();
    await expect.poll(() => city.locator('[data-test="aid-stage-senior"]').isChecked()).toBe(true);
    await shot(city, 'settings-saved');
    await city.goto(`${h.server.url}/funding/aid`);
    await city.locator('[data-test="aid-stat-eligible"]').waitFor();
    expect(await count(city, 'aid-stat-eligible')).toBeGreaterThan(eligibleBefore);
  });

  it('the pages in English', async () => {
    const city = await as('zizhu');
    await city.goto(`${h.server.url}/funding/aid/payments`);
    await city.locator('[data-test="aid-progress"] tbody tr').first().waitFor();
    await city.locator('header').getByRole('button', { name: 'English' }).click();
    await city.waitForFunction(() => document.documentElement.lang === 'en-US');
    await city.locator('h1', { hasText: 'Aid payment progress' }).waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'payments-en');
    await city.goto(`${h.server.url}/funding/aid/settings`);
    await city.locator('h1', { hasText: 'Aid settings' }).waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'settings-en');
  });
});
