import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-teachers-excel-');
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

it('the 科室 adds a header to the import mapping; hengnan imports the national export through the dialog, is told what a row lacks, and exports the staff', async () => {
  const city = await as('teachers');
  await city.goto(`${h.server.url}/teachers/staff`);
  await city.locator('[data-test="staff-mapping"]').click();
  const form = city.locator('[data-test="mapping-form"]');
  await form.waitFor();
  await city.locator('#mapping-name').fill('姓名、教职工姓名');
  expect(await seriousViolations(city)).toEqual([]);
  await city.screenshot({ path: join(SHOTS, 'teachers-excel-mapping.png') });
  await city.locator('[data-test="mapping-save"]').click();
  await city.locator('[data-test="mapping-notice"]', { hasText: '已保存' }).waitFor();

  const county = await as('hengnan');
  const code = (
    (await (
      await county.request.get(
        `${h.server.url}/api/trpc/teachers.schools?input=${encodeURIComponent(JSON.stringify({ page: 1, pageSize: 5 }))}`,
        { headers: { 'x-trpc-source': 'web' } },
      )
    ).json()) as { result: { data: { rows: { code: string }[] } } }
  ).result.data.rows[0]!.code;
  await county.goto(`${h.server.url}/teachers/staff`);
  await county.locator('[data-test="staff-import"]').click();
  const dialog = county.locator('[data-test="import-dialog"]');
  await dialog.waitFor();
  const template = await download(county, '[data-test="staff-template"]');
  expect(template.name).toBe('教职工信息导入模板.xlsx');
  const ws = template.wb.getWorksheet('教职工信息')!;
  // Columns: 姓名, 身份证件号, 性别, 出生日期, 学校标识码, 用工性质, 岗位类别, 职称, 教师资格证号码, 任教学科, 进本校年月, 教师编号, 准入查询日期, 准入查询结果
  ws.getRow(3).values = [
    '浏览器测试',
    '43042219900512002X',
    '女',
    '',
    code,
    '合同制',
    '专任教师',
    '二级教师',
    '20184300022001234',
    '语文',
    '2022-11-28',
    '',
    '2022-11-20',
    '无相关记录',
  ];
  ws.getRow(4).values = ['浏览器测试二', '430422198803032038', '', '', code, '合同制', '工勤人员', '', '', '', '2022-11-28', '', '', ''];
  const bad = Buffer.from(await template.wb.xlsx.writeBuffer());
  await county.locator('[data-test="staff-file"]').setInputFiles({ name: '教职工信息.xlsx', mimeType: XLSX, buffer: bad });
  await county.locator('[data-test="import-check"]').click();
  await county
    .locator('[data-test="import-errors"]', { hasText: '第4行 准入查询日期 未进行教职员工准入查询' })
    .waitFor({ timeout: 60_000 });
  expect(await seriousViolations(county)).toEqual([]);
  await county.screenshot({ path: join(SHOTS, 'teachers-excel-errors.png') });

  ws.spliceRows(4, 1);
  const good = Buffer.from(await template.wb.xlsx.writeBuffer());
  await county.locator('[data-test="staff-file"]').setInputFiles({ name: '教职工信息.xlsx', mimeType: XLSX, buffer: good });
  await county.locator('[data-test="import-check"]').click();
  await county.locator('[data-test="import-summary"]', { hasText: '检查通过，共 1 人' }).waitFor({ timeout: 60_000 });
  await county.locator('[data-test="import-commit"]').click();
  await county.locator('[data-test="import-summary"]', { hasText: '已导入 1 人' }).waitFor({ timeout: 60_000 });
  await county.screenshot({ path: join(SHOTS, 'teachers-excel-imported.png') });
  await county.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await county.locator('[data-test="staff-table"]', { hasText: '浏览器测试' }).waitFor();
  expect(await seriousViolations(county)).toEqual([]);
  await county.screenshot({ path: join(SHOTS, 'teachers-excel-list.png') });

  const staff = await download(county, '[data-test="staff-export"]');
  expect(staff.name).toMatch(/^教职员工_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = staff.wb.worksheets[0]!;
  expect(String(sheet.getCell('A1').value)).toMatch(/^教职员工（数据范围：衡南县教育局/);
  const values = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).map(String)).flat();
  expect(values).toContain('4304**********002X');
  expect(values.join()).not.toContain('19900512');
  await county.locator('text=已导出').waitFor();
});

it('编制统筹: the county table marks over-quota schools, the list filters them and exports, and the 科室 changes the standard', async () => {
  const city = await as('teachers');
  await city.goto(`${h.server.url}/teachers/staffing`);
  const units = city.locator('[data-test="staffing-units"]');
  await units.locator('[data-bad="overSchools"]').first().waitFor();
  await city.locator('[data-test="staffing-table"] .el-table__row').first().waitFor();
  expect(await seriousViolations(city)).toEqual([]);
  await city.screenshot({ path: join(SHOTS, 'teachers-staffing.png'), fullPage: true });

  await city.locator('[data-test="filter-standing"]').click();
  await city.locator('.el-select-dropdown__item:visible', { hasText: '超编' }).first().click();
  await expect.poll(() => city.url()).toMatch(/quotaStanding=over/);
  const rows = city.locator('[data-test="staffing-table"] .el-table__row');
  await rows.first().locator('text=超编').waitFor();
  const book = await download(city, '[data-test="staffing-export"]');
  expect(book.name).toMatch(/^编制配置_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const standings = Array.from({ length: book.wb.worksheets[0]!.rowCount }, (_, i) =>
    String(book.wb.worksheets[0]!.getRow(i + 1).getCell(13).value),
  );
  expect(standings.slice(3).every((s) => s === '超编')).toBe(true);

  const before = await units.locator('tbody tr').nth(1).locator('td').nth(3).textContent();
  const card = city.locator('[data-test="staffing-standard"]');
  await card.getByLabel('小学 1:').fill('15');
  await card.locator('[data-test="staffing-standard-save"]').click();
  await card.locator('text=编制标准已保存').waitFor();
  await expect.poll(() => units.locator('tbody tr').nth(1).locator('td').nth(3).textContent()).not.toBe(before);
  await card.getByLabel('小学 1:').fill('19');
  await card.locator('[data-test="staffing-standard-save"]').click();
  await card.locator('text=编制标准已保存').waitFor();

  await city.locator('header').getByRole('button', { name: 'English' }).click();
  await city.waitForFunction(() => document.documentElement.lang === 'en-US');
  await city.locator('[data-test="staffing-units"]', { hasText: 'Schools over' }).waitFor();
  expect(await seriousViolations(city)).toEqual([]);
  await city.screenshot({ path: join(SHOTS, 'teachers-staffing-en.png'), fullPage: true });
});
