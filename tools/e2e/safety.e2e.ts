import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { realPng } from './fixtures.ts';
import { SHOTS, useHarness } from './harness.ts';
import { overflowsHorizontally, seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-safety-');

async function as(user: string, width = 1280): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `safety-${name}.png`), fullPage: true });

/** Opens a hazard's page and waits for its status. */
async function openHazard(page: Page, id: number) {
  await page.goto(`${h.server.url}/safety/hazards/${id}`);
  await page.locator('[data-test="hazard-status"]').waitFor();
}
/** Takes a step from the hazard page: its button, then the dialog's fields and confirm. */
async function step(page: Page, name: string, fill: { date?: string; reason?: string; measures?: string } = {}) {
  await page.locator(`[data-test="step-${name}"]`).click();
  // Every step but 'start' asks for confirmation in a dialog (which may take a moment to appear).
  if (name === 'start') return;
  const dialog = page.locator('[data-test="step-dialog"]');
  await dialog.waitFor();
  if (fill.date) await dialog.locator('[data-test="step-date"]').fill(fill.date);
  if (fill.reason !== undefined) await dialog.locator('[data-test="step-reason"]').fill(fill.reason);
  if (fill.measures) await dialog.locator('[data-test="step-measures"]').fill(fill.measures);
  await dialog.locator('[data-test="step-confirm"]').click();
  if (fill.reason !== '') await dialog.waitFor({ state: 'hidden' });
}
/** The school's closure figure “num / den” on the dashboard's school table of 衡南县. */
async function closureOf(page: Page, schoolName: string) {
  await page.goto(`${h.server.url}/dashboard/safety.hazard-closure/430422`);
  const row = page.locator('[data-test="kpi-schools"] tr', { hasText: schoolName });
  await row.first().waitFor();
  const cells = await row.first().locator('td').allTextContents();
  return cells.find((c) => c.includes('/'))!.replace(/\s/g, '');
}

describe('hazard rectification (隐患排查整治)', () => {
  it('a school reports, the county sets a deadline, the school rectifies, the county returns once with a reason, then closes; the closure rate follows', async () => {
    const school = await as('school');
    await school.goto(`${h.server.url}/safety/hazards`);
    await school.locator('[data-test="hazard-report"]').click();
    const form = school.locator('[data-test="hazard-form"]');
    await form.waitFor();
    await form.locator('[data-test="hazard-submit-form"]').click();
    await expect(text(school, '[data-test="field-category"] .hy-field-error')).resolves.toBe('请选择隐患类别');
    await form.locator('[data-test="field-category"] .el-select').click({ force: true });
    await school.locator('.el-select-dropdown__item:visible', { hasText: '消防' }).first().click();
    await form.locator('#hz-location').fill('学生宿舍三楼');
    await form.locator('#hz-person').fill('王志强');
    await form.locator('#hz-description').fill('宿舍三楼东侧安全出口被杂物堵塞，疏散指示灯不亮');
    // A photo of what was found goes with the registration (整改前).
    await form.locator('[data-test="hazard-photos"]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: realPng() });
    await form.locator('[data-test="hazard-photo"]', { hasText: '现场.png' }).waitFor();
    await form.locator('[data-test="hazard-submit-form"]').click();
    await school.locator('[data-test="hazard-notice"] a').click();
    await school.waitForURL(/\/safety\/hazards\/\d+$/);
    const id = Number(school.url().split('/').pop());
    await expect(text(school, '[data-test="hazard-status"]')).resolves.toBe('待整改');
    expect(await school.locator('[data-test="step-start"]').count()).toBe(0); // no deadline yet
    await school.locator('[data-phase="before"] [data-test="hazard-file"]', { hasText: '现场.png' }).waitFor();
    const schoolName = (await school.locator('.hy-dl dd').first().textContent())!.trim();
    expect(await seriousViolations(school)).toEqual([]);
    await shot(school, 'hazard-reported');

    // The new hazard already counts in the ledger (den); closing it will add one to the closed (num).
    const county = await as('hengnan');
    const before = await closureOf(county, schoolName);
    await openHazard(county, id);
    await step(county, 'set_deadline', { date: '2099-12-31' });
    await county.locator('[data-test="hazard-deadline"][data-date="2099-12-31"]').waitFor();

    await openHazard(school, id);
    await step(school, 'start');
    await school.locator('[data-test="hazard-status"]', { hasText: '整改中' }).waitFor();
    // No 提交验收 without a 整改后 photo: the dialog says so and does not offer the step.
    await school.locator('[data-test="step-submit"]').click();
    await expect(text(school, '[data-test="step-evidence"]')).resolves.toContain('请先在“整改后”上传');
    expect(await school.locator('[data-test="step-confirm"]').isDisabled()).toBe(true);
    await shot(school, 'hazard-evidence-needed');
    await school.keyboard.press('Escape');
    await school.locator('[data-test="step-dialog"]').waitFor({ state: 'hidden' });
    // A page disguised as a photo is refused with a reason; a real photo is stored and previewed from its link.
    await school.locator('[data-test="hazard-upload-after"]').setInputFiles({
      name: '整改后.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([realPng().subarray(0, 8), Buffer.from('<html>点击领取</html>')]),
    });
    await expect(text(school, '[data-test="file-error"]')).resolves.toContain('图片无法解码');
    await school
      .locator('[data-test="hazard-upload-after"]')
      .setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: realPng() });
    const photo = school.locator('[data-test="hazard-file"]', { hasText: '整改后.png' });
    await photo.waitFor();
    expect(await photo.getAttribute('href')).toMatch(/^\/api\/files\/safety\/\d+$/);
    await photo.focus();
    await school.keyboard.press('Enter');
    const preview = school.locator('[data-test="hazard-preview"]');
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    await shot(school, 'hazard-photo-preview');
    const [download] = await Promise.all([school.waitForEvent('download'), school.locator('[data-test="hazard-download"]').click()]);
    expect(download.suggestedFilename()).toBe('整改后.png');
    await school.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    await step(school, 'submit', { measures: '已清理杂物，更换疏散指示灯2具' });
    await school.locator('[data-test="hazard-status"]', { hasText: '待验收' }).waitFor();

    await openHazard(county, id);
    await step(county, 'return', { reason: '' });
    await expect(text(county, '[data-test="step-error"]')).resolves.toBe('请填写退回原因');
    await county.locator('[data-test="step-reason"]').fill('整改后照片未显示疏散指示灯，请补充');
    await county.locator('[data-test="step-confirm"]').click();
    await county.locator('[data-test="step-dialog"]').waitFor({ state: 'hidden' });
    await county.locator('[data-test="hazard-status"]', { hasText: '整改中' }).waitFor();
    await shot(county, 'hazard-returned');

    await openHazard(school, id);
    await expect(text(school, '[data-test="hazard-return-reason"]')).resolves.toContain('整改后照片未显示疏散指示灯，请补充');
    await step(school, 'submit', { measures: '已清理杂物，更换疏散指示灯2具，补充整改后照片' });
    await school.locator('[data-test="hazard-status"]', { hasText: '待验收' }).waitFor();

    await openHazard(county, id);
    await step(county, 'close');
    await county.locator('[data-test="hazard-status"]', { hasText: '已销号' }).waitFor();
    const history = await text(county, '[data-test="hazard-history"]');
    for (const words of ['school', 'hengnan', '整改后照片未显示疏散指示灯，请补充']) expect(history).toContain(words);
    await shot(county, 'hazard-closed');

    const after = await closureOf(county, schoolName);
    const [n0, d0] = before.split('/').map(Number) as [number, number];
    expect(after).toBe(`${n0 + 1}/${d0}`);
    await shot(county, 'dashboard-closure-schools');
    await school.context().close();
    await county.context().close();
  });

  it('the module’s pages open for the city and a county at 1280 and 375 px without sideways scrolling', async () => {
    for (const [user, width] of [
      ['safety', 1280],
      ['hengnan', 375],
    ] as const) {
      const page = await as(user, width);
      for (const path of ['', '/compliance', '/hazards', '/inspections', '/activities', '/incidents']) {
        await page.goto(`${h.server.url}/safety${path}`);
        await page.locator('h1').waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, `${user}${path.replace('/', '-') || '-home'}-${width}`);
        expect(await overflowsHorizontally(page), `${user} ${path} ${width}`).toBe(false);
      }
      await page.context().close();
    }
  });
});

describe('专项教育 coverage and school buses', () => {
  it('says 校车安全 applies only to schools that run buses, and that the 100% target is the bureau’s own', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/safety/activities`);
    const note = county.locator('[data-test="bus-note"]');
    await note.waitFor();
    expect(((await note.textContent()) ?? '').trim()).toMatch(
      /^\* 校车安全只适用于开行校车的学校（本范围 [\d,]+ 所），其覆盖率按这些学校计算/,
    );
    await expect(county.locator('[data-test="bus-header"]').first().textContent()).resolves.toBe('校车安全*');
    expect(((await county.locator('[data-test="coverage-target"]').textContent()) ?? '').trim()).toContain('局定目标');
    expect(await seriousViolations(county)).toEqual([]);
  });
});

describe('hazard import (Excel)', () => {
  it('a county imports 3,000 hazards: the dialog shows the rows read, checked and written as they go, then the count', async () => {
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/safety/hazards`);
    await county.locator('h1').waitFor();
    // The county's template, filled as a person would, for its own schools (through the same API the page uses).
    const api = async (path: string, input?: unknown) =>
      (
        (await (
          await county.request.get(
            `${h.server.url}/api/trpc/${path}${input ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`,
            { headers: { 'x-trpc-source': 'web' } },
          )
        ).json()) as { result: { data: never } }
      ).result.data;
    const codes: string[] = [];
    for (let page = 1; codes.length === 0 || codes.length % 100 === 0; page++) {
      const rows = ((await api('platform.schools', { unitCode: '430422', page, pageSize: 100 })) as { rows: { code: string }[] }).rows;
      if (!rows.length) break;
      codes.push(...rows.map((r) => r.code));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(((await api('safety.hazards.template')) as { base64: string }).base64, 'base64') as unknown as ArrayBuffer,
    );
    const ws = wb.getWorksheet('隐患清单')!;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (let i = 0; i < 3000; i++)
      ws.getRow(3 + i).values = [
        codes[i % codes.length]!,
        '',
        today,
        '学校自查',
        '消防',
        '一般',
        `${(i % 5) + 1}号楼`,
        `导入测试第${i}处：疏散指示标志损坏`,
        '王志强',
        today,
        '更换疏散指示标志',
      ];
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await county.locator('[data-test="hazard-import"]').click();
    await county
      .locator('[data-test="hazard-file"]')
      .setInputFiles({ name: '隐患清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await county.locator('[data-test="import-check"]').click();
    await county.locator('[data-test="import-progress"] [role="progressbar"]').waitFor();
    await county.locator('[data-test="import-summary"]', { hasText: '检查通过' }).waitFor({ timeout: 60_000 });
    await county.locator('[data-test="import-commit"]').click();
    // While it runs: a labelled progress bar and the counts so far.
    await county.locator('[data-test="import-progress"]', { hasText: /已解析 3,000 行/ }).waitFor({ timeout: 60_000 });
    expect(await county.locator('[data-test="import-progress"] [role="progressbar"]').getAttribute('aria-label')).toBe('导入进度');
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'hazard-import-progress');
    await county.locator('[data-test="import-summary"]', { hasText: '已导入 3,000 条' }).waitFor({ timeout: 120_000 });
    await shot(county, 'hazard-import-done');
  });
});
