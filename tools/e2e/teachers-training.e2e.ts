import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseOutsideData } from './crawl.ts';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-training-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
async function choose(page: Page, id: string, option: string) {
  await page.locator('.el-select', { has: page.locator(id) }).click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click();
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `teachers-training-${name}.png`), fullPage: true });

describe('教师培训 and 信息技术应用能力提升工程2.0 (seed item 18)', () => {
  it('the school account xiaoxue opens the IT 2.0 page: a teacher short of hours is marked, and 仅显示未达标 keeps only them', async () => {
    const school = await as('xiaoxue');
    await school.goto(`${h.server.url}/teachers`);
    // The pages come in groups: 培训 opens its first page and shows its pages, 信息技术2.0 among them.
    await school.locator('[data-test="group-training"]').click();
    await school.waitForURL(/\/teachers\/training$/);
    await school.locator('[data-test="group-training"][aria-current="true"]').waitFor();
    await school.locator('[data-test="tab-it-capability"]').click();
    await school.waitForURL(/\/teachers\/it-capability/);
    const table = school.locator('[data-test="standing-table"]');
    await table.locator('tbody tr').first().waitFor();
    await school.locator('[data-test="standing-rule"]', { hasText: '50学时' }).waitFor();
    await table.locator('[data-test="short-tag"]').first().waitFor();
    expect(await seriousViolations(school)).toEqual([]);
    await shot(school, 'standing-zh');

    await school.goto(`${h.server.url}/teachers/it-capability?short=yes`);
    await table.locator('[data-test="short-tag"]').first().waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(await table.locator('[data-test="short-tag"]').count()).toBe(rows);
    await shot(school, 'standing-short-zh');

    // In English: the page's own words are English, the data stays Chinese (marked lang="zh-CN").
    await school.locator('header').getByRole('button', { name: 'English' }).click();
    await school.waitForFunction(() => document.documentElement.lang === 'en-US');
    await school.reload();
    await table.locator('[data-test="short-tag"]').first().waitFor();
    expect(await chineseOutsideData(school)).toEqual([]);
    expect(await seriousViolations(school)).toEqual([]);
    await shot(school, 'standing-short-en');
  });

  it('the county sees its records and projects; the 科室 sees the city’s projects with their completion', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/teachers/training/records?it=yes`);
    await county.locator('[data-test="records-table"] tbody tr').first().waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'records-zh');
    const city = await as('teachers');
    await city.goto(`${h.server.url}/teachers/training?tier=national`);
    await city.locator('[data-test="projects-table"] tbody tr').first().waitFor();
    await city.locator('[data-test="project-add"]').click();
    await city.locator('[data-test="project-form"]').waitFor();
    expect(await seriousViolations(city)).toEqual([]);
    await shot(city, 'projects-add-zh');
  });

  it('修改: the school corrects a teacher’s hours; the 科室 corrects a project, and a save over someone else’s change is refused in Chinese', async () => {
    const school = await as('xiaoxue');
    await school.goto(`${h.server.url}/teachers/training/records`);
    const records = school.locator('[data-test="records-table"]');
    const first = records.locator('tbody tr').first();
    await first.waitFor();
    await first.locator('[data-test^="record-edit-"]').click();
    const form = school.locator('[data-test="record-form"]');
    const who = await form.locator('[data-test="record-edit-who"]').textContent();
    const planned = Number(/计划(\d+)学时/.exec(who ?? '')?.[1]);
    expect(planned).toBeGreaterThan(0);
    await form.getByLabel('学时').fill(String(planned));
    await choose(school, '#record-completed', '已完成');
    expect(await seriousViolations(school)).toEqual([]);
    await shot(school, 'record-edit-zh');
    await form.getByRole('button', { name: '保存' }).click();
    await school.locator('.el-alert', { hasText: '已修改（已记入审计）' }).waitFor();
    await expect.poll(() => first.locator('td').nth(6).textContent()).toBe(String(planned));

    const city = await as('teachers');
    const other = await as('teachers');
    for (const p of [city, other]) {
      await p.goto(`${h.server.url}/teachers/training?tier=national`);
      await p.locator('[data-test="projects-table"] tbody tr').first().waitFor();
    }
    const edit = (p: Page) => p.locator('[data-test="projects-table"] tbody tr').first().locator('[data-test^="project-edit-"]').click();
    await edit(city);
    await edit(other);
    await other.locator('[data-test="project-form"]').getByLabel('组织实施单位').fill('湖南省教育厅（修改）');
    await other.locator('[data-test="project-form"]').getByRole('button', { name: '保存' }).click();
    await other.locator('.el-alert', { hasText: '已修改（已记入审计）' }).waitFor();
    const form2 = city.locator('[data-test="project-form"]');
    await form2.getByLabel('组织实施单位').fill('衡阳市教育局（修改）');
    await form2.getByRole('button', { name: '保存' }).click();
    await form2.getByText('该记录已被他人修改，请刷新后重新提交').waitFor();
    await shot(city, 'project-edit-conflict-zh');
  });
});
