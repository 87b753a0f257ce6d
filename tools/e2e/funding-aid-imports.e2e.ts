import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-funding-aid-imports-');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAME = '浏览器资助生';
/** An ID number with its check character (GB 11643). */
function idNumber(first17: string) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((a, d, i) => a + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
const ID = idNumber('43042220140315071');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `funding-aid-imports-${name}.png`), fullPage: true });
async function book(headers: string[], rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导出');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** Waits until the dialog has finished its run (its buttons no longer busy). */
const idle = (page: Page) => page.locator('[data-test="import-check"]:not(.is-loading)').waitFor();
/** Chooses the file in the open import dialog, checks it, imports it; answers the dialog. */
async function upload(page: Page, name: string, file: Buffer, checked: string, done: string, shotName: string) {
  const dialog = page.locator('[data-test="import-dialog"]');
  await dialog.waitFor();
  await page.locator(`[data-test="${name}-file"]`).setInputFiles({ name: `${name}.xlsx`, mimeType: XLSX, buffer: file });
  await page.locator('[data-test="import-check"]').click();
  await page.locator('[data-test="import-summary"]', { hasText: checked }).waitFor({ timeout: 90_000 });
  await idle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, `${shotName}-checked`);
  await page.locator('[data-test="import-commit"]').click();
  await page.locator('[data-test="import-summary"]', { hasText: done }).waitFor({ timeout: 90_000 });
  await idle(page);
  await shot(page, `${shotName}-imported`);
  return dialog;
}

it('the city aid centre loads a listed child’s 学籍 and the aid roll: the pupil turns 应助未助, then leaves the list once paid', async () => {
  const city = await as('zizhu');
  const primary = (
    (await (
      await city.request.get(
        `${h.server.url}/api/trpc/platform.schools?input=${encodeURIComponent(JSON.stringify({ page: 1, pageSize: 5, unitCode: '430422', level: 'primary' }))}`,
        { headers: { 'x-trpc-source': 'web' } },
      )
    ).json()) as { result: { data: { rows: { code: string }[] } } }
  ).result.data.rows[0]!.code;

  // The child is on the county's disability list (imported first: the list import exists already).
  await city.goto(`${h.server.url}/funding/aid`);
  await city.locator('[data-test="aid-import-disability"]').click();
  let dialog = await upload(
    city,
    'aid-disability',
    await book(['姓名', '身份证号', '困难类别', '县市区'], [[NAME, ID, '残疾', '衡南县']]),
    '检查通过',
    '已导入 1 人',
    'list',
  );
  await city.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Listed without a 学籍 record: on 名单比对结果, where the 学籍 import is.
  await city.goto(`${h.server.url}/funding/aid/unmatched?q=${encodeURIComponent(NAME)}`);
  await city.locator('[data-test="aid-unmatched-table"]', { hasText: NAME }).waitFor();
  await city.locator('[data-test="aid-import-students"]').click();
  dialog = await upload(
    city,
    'aid-students',
    await book(
      ['姓名', '身份证件号', '全国学籍号', '学校标识码', '年级', '是否住校'],
      [
        [NAME, ID, `G${ID}`, primary, '三年级', '否'],
        ['不在名单', idNumber('43042220140315082'), 'G2', primary, '三年级', '否'],
      ],
    ),
    '名单学生 1 人将导入，不在名单上的 1 人不导入',
    '已导入 1 人的学籍',
    'students',
  );
  await city.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Now 应助未助 (a 学籍, no aid this semester).
  await city.goto(`${h.server.url}/funding/aid/unaided?q=${encodeURIComponent(NAME)}`);
  await city.locator('[data-test="aid-unaided-table"] a', { hasText: NAME }).waitFor();
  await shot(city, 'unaided-before');

  // The semester's roll from the national system, without a 学期 column (the dialog's semester).
  await city.goto(`${h.server.url}/funding/aid/payments`);
  await city.locator('[data-test="aid-import-roll"]').click();
  const roll = await book(
    ['姓名', '身份证号', '资助项目', '金额（元）', '发放日期'],
    [[NAME, ID, '义务教育家庭经济困难学生生活补助', '250.00', '2022-11-20']],
  );
  dialog = await upload(city, 'aid-roll', roll, '将新发放 1 笔', '已导入发放 1 笔，1 名应助未助学生已销号', 'roll');
  // The same roll again pays nobody twice.
  await city.locator('[data-test="import-check"]').click();
  await city.locator('[data-test="import-summary"]', { hasText: '将新发放 0 笔（其中已发放、将跳过 1 笔' }).waitFor({ timeout: 90_000 });
  await idle(city);
  await shot(city, 'roll-again');
  await city.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  await city.goto(`${h.server.url}/funding/aid/unaided?q=${encodeURIComponent(NAME)}`);
  await city.locator('[data-test="aid-unaided-table"]', { hasText: '暂无应助未助学生' }).waitFor();
  expect(await city.locator('[data-test="aid-unaided-table"] a', { hasText: NAME }).count()).toBe(0);
  await shot(city, 'unaided-after');
  expect(await seriousViolations(city)).toEqual([]);
});
