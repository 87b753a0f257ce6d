import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-preschool-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const row = (page: Page, unit: string) => page.locator('[data-test="preschool-table"] tbody tr', { hasText: unit });

describe('学前人口 and 毛入园率 (seed item 10)', () => {
  it('a county enters its population from the keyboard; a bad figure is refused in Chinese; the rate follows', async () => {
    const page = await as('hengnan');
    await page.goto(`${h.server.url}/private-edu/preschool`);
    await row(page, '衡南县').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-test="preschool-edit-430422"]').focus();
    await page.keyboard.press('Enter');
    const form = page.locator('[data-test="population-form"]');
    const input = form.getByLabel('3至5周岁常住人口数');
    await input.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await input.fill('0');
    await input.press('Enter');
    await expect(form.locator('.hy-field-error').first().textContent()).resolves.toBe('3至5周岁常住人口数应大于0');
    const children = Number(((await row(page, '衡南县').locator('td').nth(1).textContent()) ?? '').replace(/,/g, ''));
    await input.fill('30000');
    await input.press('Enter');
    await page.locator('.el-alert', { hasText: '已保存衡南县' }).waitFor();
    await expect.poll(async () => row(page, '衡南县').textContent()).toContain('30,000');
    expect(await row(page, '衡南县').textContent()).toContain(`${((children / 30000) * 100).toFixed(1)}%`);
    await page.screenshot({ path: join(SHOTS, 'private-preschool-county.png'), fullPage: true });
  });

  it('the city sees every county, 暂无数据 where none was entered, and the page in English', async () => {
    const page = await as('privedu');
    await page.goto(`${h.server.url}/private-edu/preschool?year=2020-2021`);
    await row(page, '南岳区').waitFor();
    expect(await row(page, '南岳区').textContent()).toContain('暂无数据');
    expect(await page.locator('[data-test="preschool-table"] tbody tr').count()).toBe(13);
    await page.locator('[data-test="preschool-city"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'private-preschool-city.png'), fullPage: true });
    const en = page;
    await en.locator('header').getByRole('button', { name: 'English' }).click();
    await en.waitForFunction(() => document.documentElement.lang === 'en-US');
    await en.getByRole('heading', { name: 'Pre-school population and gross enrolment' }).waitFor();
    await row(en, '衡阳县').waitFor();
    expect(await seriousViolations(en)).toEqual([]);
    await en.screenshot({ path: join(SHOTS, 'private-preschool-en.png'), fullPage: true });
  });
});
