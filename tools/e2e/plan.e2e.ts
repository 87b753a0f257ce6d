import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { realPdf } from './fixtures.ts';
import { SHOTS, useHarness } from './harness.ts';
import { overflowsHorizontally, seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-plan-');

async function as(user: string, width = 1280): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
/** Opens item `no` of the 2022 plan and the task `code` under it. */
async function openTask(page: Page, no: number, code: string) {
  await page.goto(`${h.server.url}/plan/2022`);
  await page
    .locator('[data-test="work-items"] .el-collapse-item')
    .nth(no - 1)
    .locator('.el-collapse-item__header')
    .click();
  await page.locator(`[data-task="${code}"] a`).click();
  await page.waitForURL(/\/plan\/2022\/tasks\/\d+$/);
  await page.locator('[data-test="milestones"]').waitFor();
}
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('county targets', () => {
  it('the 办公室 sets a county’s own target (a bad one refused on its field); the dashboard’s county row is judged against it', async () => {
    const office = await as('office');
    await office.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '县市区目标', exact: true }).click();
    await office.locator('main h1', { hasText: '县市区目标' }).waitFor();
    const row = office.locator('[data-test="targets-table"] tr[data-unit="430421"]');
    await expect(text(office, '[data-test="targets-city"]')).resolves.toMatch(/全市目标 ≥ 100\.0% · 工作要点/);
    await expect((await row.locator('[data-test="county-target"]').textContent())?.trim()).toMatch(/^沿用全市目标/);
    await row.getByRole('button', { name: /设置/ }).click();
    const value = office.getByLabel(/目标值/);
    await value.fill('120');
    await value.press('Enter'); // the form submits from the keyboard
    await expect(text(office, '[data-test="target-error"]')).resolves.toBe('目标值应在0%到100%之间');
    await value.fill('80');
    await office.locator('[data-test="target-save"]').click();
    await expect(text(office, '[data-test="targets-notice"]')).resolves.toBe('已保存（已记入审计）');
    await office
      .locator('[data-test="targets-table"] tr[data-unit="430421"] [data-test="county-target"]', { hasText: '≥ 80.0%' })
      .waitFor();
    expect(await seriousViolations(office)).toEqual([]);

    const leader = await as('leader');
    await leader.goto(`${h.server.url}/dashboard/safety.compliance`);
    const county = leader.locator('[data-test="kpi-league"] tr[data-unit="430421"] [data-test="unit-target"]');
    await county.waitFor();
    await expect((await county.textContent())?.replace(/\s+/g, ' ').trim()).toBe('≥ 80.0% 局定目标（县市区）');
    const other = ((await leader.locator('[data-test="kpi-league"] tr[data-unit="430481"] [data-test="unit-target"]').textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(other).toBe('≥ 100.0% 工作要点（沿用全市目标）');
  });
});

describe('progress on the 2022 work plan', () => {
  it('a county reports, the 科室 returns it with a reason, the county resubmits; leadership writes a 批示 the 科室 acknowledges', async () => {
    const county = await as('hengnan');
    await openTask(county, 5, '5.1');
    await county.locator('[data-test="new-report"]').click();
    const form = county.locator('[data-test="report-form"]');
    await form.getByLabel('进展情况').fill('太短');
    await form.getByRole('button', { name: '提交报告' }).click();
    await expect(text(county, '.hy-field-error')).resolves.toBe('进展情况至少写10个字');
    await form.getByLabel('进展情况').fill('全县3所“公参民”学校已完成资产清查，2所已转为公办，1所正在办理。');
    await form.getByRole('button', { name: '添加数据' }).click();
    await form.getByLabel('指标').fill('已转为公办学校数');
    await form.getByLabel('数值').fill('2');
    await form.getByLabel('单位').fill('所');
    await form
      .locator('[data-test="report-files"]')
      .setInputFiles({ name: '转公办批复.pdf', mimeType: 'application/pdf', buffer: await realPdf() });
    await form.getByRole('button', { name: '提交报告' }).click();
    await expect(text(county, '[data-test="task-notice"]')).resolves.toBe('报告已提交，等待牵头科室审核');
    await expect(text(county, '[data-test="reports"] [data-test="review-state"]')).resolves.toBe('待审核');
    expect(await seriousViolations(county)).toEqual([]);

    const dept = await as('privedu');
    await dept.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '待我审核', exact: true }).click();
    await dept.locator('[data-test="review-queue"] a', { hasText: '5.1' }).click();
    await dept.locator('[data-test="reports"] [data-test="return"]').first().click();
    await dept.locator('[data-test="confirm-return"]').click();
    await expect(text(dept, '[data-test="return-error"]')).resolves.toBe('请填写退回原因');
    await dept.getByLabel('退回原因').fill('请补充教师安置人数');
    await dept.locator('[data-test="confirm-return"]').click();
    await dept.locator('[data-test="reports"] [data-test="review-state"]', { hasText: '已退回' }).waitFor();
    await expect(text(dept, '[data-test="review-notice"]')).resolves.toMatch(/^已退回：.+ \d{4}-\d{2} 的进展报告，报送单位将看到退回原因$/);
    await dept.screenshot({ path: join(SHOTS, 'plan-task-returned.png'), fullPage: true });

    await county.reload();
    // The reports table is a lazily loaded component: wait for its rows, not just for its element.
    await county.locator('[data-test="reports"]', { hasText: '退回原因：请补充教师安置人数' }).waitFor();
    await county.locator('[data-test="new-report"]', { hasText: '重新提交' }).click();
    await county.getByLabel('进展情况').fill('已补充：3所“公参民”学校均于6月28日转为公办，安置教师86人。');
    await county.getByRole('button', { name: '重新提交' }).click();
    await county.locator('[data-test="reports"] [data-test="review-state"]', { hasText: '待审核' }).waitFor();
    await county.locator('[data-test="reports"]').getByRole('button', { name: '操作记录' }).first().click();
    await county.locator('[data-test="record-history"]').waitFor();
    const history = await text(county, '[data-test="record-history"]');
    expect(history).toContain('hengnan 提交了报告');
    expect(history).toContain('privedu 退回了报告');
    expect(history).toContain('退回原因：请补充教师安置人数');
    expect(history).toContain('hengnan 重新提交了报告');
    await county.context().close();

    const leader = await as('leader');
    await openTask(leader, 5, '5.1');
    await expect(text(leader, '[data-test="reports"]')).resolves.toContain('安置教师86人');
    const link = leader.locator('[data-test="attachment"]', { hasText: '转公办批复.pdf' });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/files\/plan\/\d+$/);
    await link.focus();
    const evidence = await downloadOf(leader, () => leader.keyboard.press('Enter'));
    expect(evidence.suggestedFilename()).toBe('转公办批复.pdf');
    expect(
      readFileSync((await evidence.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await leader.locator('[data-test="new-report"]').count()).toBe(0); // leadership reads, it does not report
    await leader.goto(`${h.server.url}/plan/2022`);
    await leader.locator('[data-test="work-items"] .el-collapse-item').nth(4).locator('.el-collapse-item__header').click();
    await leader.locator('[data-test="instructions-5"]').getByLabel('批示内容').fill('“公参民”转公办务必稳妥，教师安置要一个不落。');
    await leader.locator('[data-test="instructions-5"] [data-test="instruct"]').click();
    await leader.locator('[data-test="instructions-5"] [data-test="instruction"]').waitFor();
    await expect(text(leader, '[data-test="instructions-5"]')).resolves.toContain('待确认');
    await leader.context().close();

    await dept.goto(`${h.server.url}/plan/2022`);
    await dept.locator('[data-test="work-items"] .el-collapse-item').nth(4).locator('.el-collapse-item__header').click();
    await dept.locator('[data-test="instructions-5"] [data-test="acknowledge"]').click();
    await expect(dept.locator('[data-test="instructions-5"]').getByText('已确认').textContent()).resolves.toContain('privedu 已确认');
    expect(await seriousViolations(dept)).toEqual([]);
    await dept.context().close();
  });

  it('overdue milestones are flagged on the home page and on their items; the plan reads on a 375 px phone', async () => {
    const phone = await as('leader', 375);
    await phone.locator('[data-test="deadlines"] [data-test="deadline-overdue"]').first().waitFor();
    await phone.locator('[data-test="item-overdue"]').first().waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await phone.screenshot({ path: join(SHOTS, 'home-deadlines-375.png'), fullPage: true });
    await phone.locator('[data-test="deadlines"] [data-test="deadline-overdue"] a').first().click();
    await phone.locator('[data-test="milestones"] [data-state="overdue"]').first().waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await phone.context().close();
  });

  it('the dashboard drills from the city to a county to a school to the records behind the number', async () => {
    const leader = await as('leader');
    await leader.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '领导驾驶舱', exact: true }).click();
    const card = leader.locator('[data-kpi="teachers.vacancy-contract"]');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).not.toBe('no_data');
    // Every KPI has its records now: student aid coverage too (from the matched lists, not a made-up number).
    expect(await leader.locator('[data-kpi="funding.aid-coverage"]').getAttribute('data-status')).not.toBe('no_data');
    expect(await seriousViolations(leader)).toEqual([]);
    await leader.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
    await card.click();
    await leader.locator('[data-test="kpi-map"] canvas').waitFor();
    const league = leader.locator('[data-test="kpi-league"]');
    await league.locator('tr[data-unit="430422"] a').click(); // the unit's name is a link
    await leader.waitForURL(/\/dashboard\/teachers\.vacancy-contract\/430422$/);
    const first = leader.locator('[data-test="kpi-schools"] .el-table__row').first();
    const school = ((await first.locator('[data-test="school-link"]').textContent()) ?? '').trim();
    // The school opens its own page (its records across modules), then the module's records behind the number.
    await first.locator('[data-test="school-link"]').click();
    await leader.waitForURL(/\/schools\/\d+$/);
    await leader.locator('main h1', { hasText: school }).waitFor();
    await leader.locator('[data-test="school-hazards"]').waitFor();
    await leader.screenshot({ path: join(SHOTS, 'school-page.png'), fullPage: true });
    await leader.goBack();
    await first.getByRole('link', { name: '查看明细记录' }).click();
    await leader.waitForURL(/\/teachers\/staffing\?/);
    const url = new URL(leader.url());
    expect(url.searchParams.get('unit')).toBe('430422');
    expect(url.searchParams.get('q')).toBe(school);
    await leader.locator('[data-module="teachers"] .el-table__row', { hasText: school }).first().waitFor({ timeout: 20_000 });
    await leader.context().close();

    const phone = await as('leader', 375);
    await phone.goto(`${h.server.url}/dashboard/private.compulsory-share`);
    await phone.locator('[data-test="kpi-map"] canvas').waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await phone.screenshot({ path: join(SHOTS, 'kpi-map-375.png'), fullPage: true });
    await phone.context().close();
  });

  it('a 2023 plan imported from the downloaded template appears beside 2022; the plan and the dashboard export to Excel and print to A4', async () => {
    const office = await as('office');
    await office.goto(`${h.server.url}/plan/2022`);
    await office.locator('[data-test="plan-import"]').click();
    const template = await workbookOf(await downloadOf(office, () => office.locator('[data-test="plan-template"]').click()));
    template.getWorksheet('基本信息')!.addRows([
      ['年度', '2023'],
      ['标题', '2023年衡阳市教育局工作要点'],
      ['发文单位', '衡阳市教育局'],
      ['印发日期', '2023-03-20'],
      ['主送', '各县市区教育局'],
      ['前言', '2023年是全面贯彻落实党的二十大精神的开局之年。'],
      ['结语', '统筹做好其他工作。'],
    ]);
    template
      .getWorksheet('事项')!
      .addRow([1, '深入学习贯彻党的二十大精神', 1, '学习贯彻党的二十大精神', '把学习宣传贯彻党的二十大精神作为首要政治任务。', '']);
    const tasks = template.getWorksheet('任务')!;
    tasks.getRow(3).values = ['1.1', '开展党的二十大精神专题学习', '机关党委', '', '全部县市区', '印发学习方案', '2023-04-30', ''];
    tasks.getRow(4).values = ['1.2', '宣讲进校园', '宣传思政科', '', '衡南县、耒阳市', '宣讲全覆盖', '2099-12-31', ''];
    const file = join(h.dataDir, '2023年工作要点.xlsx');
    writeFileSync(file, Buffer.from(await template.xlsx.writeBuffer()));
    await office.locator('[data-test="plan-file"]').setInputFiles(file);
    await office.locator('[data-test="import-check"]').click();
    await expect(text(office, '[data-test="import-summary"]')).resolves.toBe('检查通过：2023年，1个部分、1个事项、2项任务、2个时间节点');
    await office.locator('[data-test="import-commit"]').click();
    await office.waitForURL(/\/plan\/2023$/);
    await office.locator('[data-test="work-items"] .el-collapse-item').first().waitFor();
    await expect(text(office, 'main h2')).resolves.toBe('2023年衡阳市教育局工作要点');
    await office.context().close();

    const leader = await as('leader');
    await leader.goto(`${h.server.url}/plan/2022`);
    await leader.locator('[data-test="work-items"]').waitFor();
    const status = await workbookOf(await downloadOf(leader, () => leader.locator('[data-test="plan-export"]').click()));
    const sheet = status.getWorksheet('落实情况')!;
    const row51 = sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(2).value === '5.1')!;
    expect(row51.getCell(6).value).toBe('“公参民”学校全部转为公办');
    expect(row51.getCell(7).value).toBe('2022-06-30');
    const pdf = await leader.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(SHOTS, 'plan-2022.pdf'), pdf);

    await leader.goto(`${h.server.url}/dashboard`);
    const card = leader.locator('[data-kpi="private.compulsory-share"]');
    await card.waitFor();
    const shownValue = ((await card.locator('.hy-kpi__value').textContent()) ?? '').trim();
    const dash = await workbookOf(await downloadOf(leader, () => leader.locator('[data-test="dashboard-export"]').click()));
    const kpiRow = dash
      .getWorksheet('指标')!
      .getRows(3, 20)!
      .find((r) => r.getCell(2).value === '民办义务教育在校生占比')!;
    expect(kpiRow.getCell(3).value).toBe(shownValue);
    expect((await leader.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
    await leader.context().close();
  });

  it('the 办公室 can also enter a plan by hand: a new year, an item, a task with its milestone', async () => {
    const office = await as('office');
    await office.goto(`${h.server.url}/plan/2022`);
    await office.locator('[data-test="plan-new-year"]').click();
    const form = office.locator('[data-test="plan-edit-form"]');
    await form.getByLabel('年度').fill('2030');
    await form.getByLabel('标题').fill('2030年衡阳市教育局工作要点');
    await form.getByLabel('印发日期（YYYY-MM-DD）').fill('2030-02-30');
    await form.getByLabel('前言').fill('2030年是……');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(text(office, '.hy-field-error')).resolves.toBe('印发日期：日期应为有效的 YYYY-MM-DD 格式');
    await form.getByLabel('印发日期（YYYY-MM-DD）').fill('2030-03-01');
    await form.getByRole('button', { name: '保存' }).click();
    await office.waitForURL(/\/plan\/2030$/);
    await office.locator('[data-test="plan-add-item"]').click();
    await form.getByLabel('新部分的标题').fill('办好人民满意的教育');
    await form.getByLabel('事项标题').fill('推进民办教育健康发展');
    await form.getByLabel('事项内容').fill('民办义务教育在校生占比控制在5%以内。');
    await form.getByRole('button', { name: '保存' }).click();
    await office.locator('[data-test="work-items"] .el-collapse-item').first().waitFor();
    await office.locator('[data-test="plan-add-task"]').click();
    await form.getByLabel('任务编号（如 3.1）').fill('1.1');
    await form.getByLabel('任务名称').fill('控制民办义务教育在校生占比');
    await form.getByLabel('时间节点').fill('年底前控制在5%以内');
    await form.getByLabel('截止日期（YYYY-MM-DD）').fill('2030-12-31');
    await form.getByRole('button', { name: '保存' }).click();
    await office.locator('[data-test="work-items"] .el-collapse-item__header').first().click();
    await office.locator('[data-task="1.1"]').waitFor();
    await expect(text(office, '[data-task="1.1"]')).resolves.toContain('年底前控制在5%以内');
    await office.context().close();
  });
});

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}
async function workbookOf(download: Download) {
  const path = join(h.dataDir, download.suggestedFilename());
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}
