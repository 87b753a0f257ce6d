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

it('hengnan exports its census, is told in Chinese what is wrong with a file, then imports a year through the dialog; the 年检 list exports too', async () => {
  const county = await as('hengnan');
  await county.goto(`${h.server.url}/private-edu/census?ownership=private`);
  await county.locator('[data-test="census-export"]').waitFor();
  const census = await download(county, '[data-test="census-export"]');
  expect(census.name).toMatch(/^学年初统计_2022-2023_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = census.wb.worksheets[0]!;
  expect(String(sheet.getCell('A1').value)).toMatch(/^学年初统计_2022-2023（数据范围：衡南县教育局，共 \d+ 条/);
  const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(3 + i));
  expect(new Set(rows.map((r) => r.getCell(1).value))).toEqual(new Set(['衡南县']));
  const junior = rows.find((r) => r.getCell(4).value === '初级中学')!;
  const code = String(junior.getCell(2).value);

  await county.locator('[data-test="census-import"]').click();
  const dialog = county.locator('[data-test="import-dialog"]');
  await dialog.waitFor();
  const template = await download(county, '[data-test="census-template"]');
  expect(template.name).toBe('学年初统计导入模板.xlsx');
  const ws = template.wb.getWorksheet('学年初统计')!;
  // Columns: code, name, year, ownership, bought seats, K1–K3, P1–P6, J1–J3, …
  ws.getRow(3).values = [code, '', '2022-2023', '民办', 0, '', '', '', '', '', '', '', '', '', 310, 305, 298];
  ws.getRow(4).values = ['9999999999', '', '2022-2023', '民办', 0, '', '', '', '', '', '', '', '', '', 10];
  const bad = Buffer.from(await template.wb.xlsx.writeBuffer());
  await county.locator('[data-test="census-file"]').setInputFiles({ name: '学年初统计.xlsx', mimeType: XLSX, buffer: bad });
  await county.locator('[data-test="import-check"]').click();
  await county
    .locator('[data-test="import-errors"]', { hasText: '第4行 学校标识码 学校不存在或不在您的数据范围内' })
    .waitFor({ timeout: 60_000 });
  expect(await seriousViolations(county)).toEqual([]);
  await county.screenshot({ path: join(SHOTS, 'private-excel-census-errors.png') });

  ws.spliceRows(4, 1);
  const good = Buffer.from(await template.wb.xlsx.writeBuffer());
  await county.locator('[data-test="census-file"]').setInputFiles({ name: '学年初统计.xlsx', mimeType: XLSX, buffer: good });
  await county.locator('[data-test="import-check"]').click();
  await county.locator('[data-test="import-summary"]', { hasText: '检查通过：共 1 行' }).waitFor({ timeout: 60_000 });
  await county.locator('[data-test="import-commit"]').click();
  await county.locator('[data-test="import-summary"]', { hasText: '已导入 1 行' }).waitFor({ timeout: 60_000 });
  await county.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await county.goto(`${h.server.url}/private-edu/census?q=${code}`);
  await county.locator('[data-test="census-table"]', { hasText: '913' }).waitFor();

  await county.goto(`${h.server.url}/private-edu/inspections`);
  const inspections = await download(county, '[data-test="inspection-export"]');
  expect(inspections.name).toMatch(/^民办学校年检_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(String(inspections.wb.worksheets[0]!.getCell('A1').value)).toMatch(/^民办学校年检（数据范围：衡南县教育局/);
});
