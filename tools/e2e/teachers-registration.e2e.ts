import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-registration-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-registration-${name}.png`), fullPage: true });

describe('年度考核 and 教师资格定期注册', () => {
  it('a school sees the 待办 reminder and its overdue teacher; the county registers a due teacher; the city sees the rules', async () => {
    const school = await as('xiaoxue');
    await school.goto(`${h.server.url}/inbox`);
    const reminder = school.locator('[data-kind="registration"]').first();
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('名教师逾期未注册');
    await shot(school, 'inbox');
    await reminder.locator('a').first().click();
    await school.waitForURL(/\/teachers\/registration\?/);
    const table = school.locator('[data-test="registration-table"]');
    await table.getByText('逾期未注册').first().waitFor();
    expect(await school.locator('[data-test^="register-"]').count()).toBe(0); // a school applies; the county registers
    expect(await seriousViolations(school)).toEqual([]);
    await shot(school, 'school-overdue');

    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/registration?registrationStanding=dueSoon`);
    const button = county.locator('[data-test^="register-"]').first();
    await button.waitFor();
    await button.click();
    const form = county.locator('[data-test="register-form"]');
    await form.locator('[data-test="register-years"] li').first().waitFor();
    await county.locator('#register-hours').fill('300');
    await form.getByRole('button', { name: '办理定期注册' }).click();
    await county.locator('.hy-field-error', { hasText: '培训学时不足' }).first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'register-refused');
    await county.locator('#register-hours').fill('400');
    await form.getByRole('button', { name: '办理定期注册' }).click();
    await county.locator('[data-test="registration-notice"]').waitFor();
    expect(await county.locator('[data-test="registration-notice"]').textContent()).toMatch(/注册合格|暂缓注册|不予注册/);
    await shot(county, 'registered');

    await county.goto(`${h.server.url}/teachers/appraisal`);
    await county.locator('[data-test="appraisal-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'appraisals');

    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/registration`);
    await city.locator('header').getByRole('button', { name: 'English' }).click();
    await city.getByRole('heading', { name: 'Certificate registration' }).first().waitFor();
    await city.locator('[data-test="registration-rules"]').waitFor();
    await city.locator('[data-test="registration-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'city-en');
    await city.goto(`${h.server.url}/teachers/appraisal`);
    await city.locator('[data-test="appraisal-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'appraisals-en');
  });
});
