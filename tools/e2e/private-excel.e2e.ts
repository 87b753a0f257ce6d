import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-excel-');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
/** Clicks `selector` and reads the file it downloads as a workbook. */
async function download(page: Page, selector: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  return { name: file.suggestedFilename(), wb };
}

it('privedu downloads the levers template, imports it filled through the dialog (check, then import) and exports the registry', async () => {
  const city = await as('privedu');
  await city.goto(`${h.server.url}/private-edu/schools?level=primary`);
  await city.locator('[data-test="profile-export"]').waitFor();
  // The registry's export follows the page's filter (private primary schools) and gives the school codes to fill in.
  const registry = await download(city, '[data-test="profile-export"]');
  expect(registry.name).toMatch(/^民办学校登记信息_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = registry.wb.worksheets[0]!;
  expect(String(sheet.getCell('A1').value)).toMatch(/^民办学校登记信息（数据范围：全市，共 \d+ 条/);
  expect(sheet.getRow(2).values).toContain('学校标识码');
  const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(3 + i));
  expect(new Set(rows.map((r) => r.getCell(4).value))).toEqual(new Set(['小学']));
  const codes = rows.map((r) => String(r.getCell(2).value));
  expect(codes.length).toBeGreaterThanOrEqual(2);
  await city.locator('text=已导出').waitFor();

  await city.goto(`${h.server.url}/private-edu/levers`);
  await city.locator('[data-test="lever-import"]').click();
  const dialog = city.locator('[data-test="import-dialog"]');
  await dialog.waitFor();
  const template = await download(city, '[data-test="levers-template"]');
  expect(template.name).toBe('调减措施导入模板.xlsx');
  const ws = template.wb.getWorksheet('调减措施')!;
  ws.getRow(3).values = [codes[0]!, '', '招生计划压减', '2024-2025', 60, '浏览器测试'];
  ws.getRow(4).values = [codes[1]!, '', '政府购买学位', '2024-2025', 40, '浏览器测试'];
  const buffer = Buffer.from(await template.wb.xlsx.writeBuffer());

  await city.locator('[data-test="levers-file"]').setInputFiles({ name: '调减措施.xlsx', mimeType: XLSX, buffer });
  await city.locator('[data-test="import-check"]').click();
  await city.locator('[data-test="import-summary"]', { hasText: '检查通过：共 2 行' }).waitFor({ timeout: 60_000 });
  expect(await seriousViolations(city)).toEqual([]);
  await city.screenshot({ path: join(SHOTS, 'private-excel-import-checked.png') });
  await city.locator('[data-test="import-commit"]').click();
  await city.locator('[data-test="import-summary"]', { hasText: '已导入 2 行' }).waitFor({ timeout: 60_000 });
  await city.screenshot({ path: join(SHOTS, 'private-excel-import-done.png') });
  await city.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await city.locator('[data-test="lever-table"]', { hasText: '招生计划压减' }).waitFor();
});
