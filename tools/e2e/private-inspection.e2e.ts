import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-private-inspection-');

async function as(user: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `private-inspection-${name}.png`), fullPage: true });
/** Picks an option of an Element Plus select by its text (the first one when no text is given). */
async function choose(page: Page, select: string, option?: string) {
  await page.locator(select).first().click();
  const items = page.locator('.el-select-dropdown__item:visible');
  await (option ? items.filter({ hasText: option }) : items).first().click();
}
/** Takes a step from the record page: its button, then what its dialog asks for, then the dialog's submit. */
async function step(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => undefined) {
  await page.locator(`[data-test="step-${action}"]`).click();
  const form = page.locator('[data-test="inspection-step-form"]');
  await form.waitFor();
  await fill(form);
  await form.locator('[data-test="insp-step-save"]').click();
  await form.waitFor({ state: 'hidden' });
}
const status = (page: Page, label: string) => page.locator('[data-test="inspection-status"]', { hasText: label }).waitFor();

describe('民办学校年检 (seed item 5, 规范民办学校办学行为)', () => {
  it('the county opens it, the school submits, 初审 asks 安全稳定科, whose opinion comes from its 待办; 整改, 复审 and a failing grade stop next year’s enrolment', async () => {
    const school = await as('minban');
    const api = async (path: string, input?: unknown) =>
      (
        (await (
          await school.request.get(
            `${h.server.url}/api/trpc/${path}${input ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`,
            {
              headers: { 'x-trpc-source': 'web' },
            },
          )
        ).json()) as { result: { data: never } }
      ).result.data;
    const schoolName = ((await api('platform.schools', { page: 1, pageSize: 5 })) as { rows: { name: string }[] }).rows[0]!.name;

    // The county (the approving authority of a compulsory school) opens the 2022 inspection.
    const county = await as('hengnan');
    await county.goto(`${h.server.url}/private-edu/inspections`);
    await county.locator('[data-test="inspection-table"]').waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'list-zh');
    await county.locator('[data-test="inspection-add"]').click();
    const form = county.locator('[data-test="inspection-form"]');
    await form.waitFor();
    await county.locator('[data-test="inspection-school"] input').fill(schoolName.slice(0, 4));
    await choose(county, '[data-test="inspection-school"]', schoolName);
    await form.locator('[data-test="inspection-save"]').click();
    await county.waitForURL(/\/private-edu\/inspections\/\d+$/);
    const url = county.url();
    await status(county, '材料待提交');

    // The school submits its materials.
    await school.goto(url);
    await status(school, '材料待提交');
    await step(school, 'submit', (f) =>
      f.locator('[data-test="insp-materials"]').fill('年检自查报告：办学许可、章程、招生、收费、师资与安全管理情况均符合规定。'),
    );
    await status(school, '初审');

    // 初审 with 实地查看: the county asks 安全稳定科.
    await county.reload();
    await status(county, '初审');
    await step(county, 'request_opinions', async (f) => {
      await f.locator('[data-test="insp-site-visit"]').fill('已实地查看校舍、食堂与消防设施，消防通道有杂物。');
      await choose(county, '[data-test="insp-departments"]', '安全稳定科');
      await f.locator('label').first().click();
    });
    await status(county, '联审');
    await county.locator('[data-test="inspection-opinions"] [data-dept="safety"]', { hasText: '待提出' }).waitFor();

    // 安全稳定科 (a 科室 without the private-edu module) answers from its 待办.
    const safety = await as('safety');
    await safety.goto(`${h.server.url}/inbox`);
    const item = safety.locator(`[data-test="inbox-inspectionOpinion"] [data-test="inbox-item"]`, { hasText: schoolName });
    await item.locator('a').click();
    await safety.waitForURL(/\/inbox\/opinions\/\d+$/);
    await safety.locator('[data-test="opinion-form"]').waitFor();
    expect(await seriousViolations(safety)).toEqual([]);
    await safety.locator('[data-test="opinion-verdict"] [data-verdict="concerns"]').click();
    await safety.locator('[data-test="opinion-comment"]').fill('消防通道堆放杂物，须限期清理。');
    await shot(safety, 'opinion-zh');
    await safety.locator('[data-test="opinion-save"]').click();
    await safety.locator('[data-test="opinion-saved"]').waitFor();
    await safety.locator('[data-test="opinion-given"]').waitFor();

    // 整改 with a deadline; the school's report; 复审 and the failing grade.
    await county.reload();
    await county.locator('[data-test="inspection-opinions"] [data-dept="safety"]', { hasText: '有意见' }).waitFor();
    await step(county, 'issue_notice', async (f) => {
      await f.locator('[data-test="insp-notice"]').fill('消防通道堆放杂物，限期清理并建立巡查制度。');
      await f.locator('[data-test="insp-rectify-by"]').fill('2022-12-31');
    });
    await status(county, '整改中');
    await school.reload();
    await step(school, 'submit_report', (f) => f.locator('[data-test="insp-report"]').fill('已清理消防通道，建立每日巡查制度。'));
    await status(school, '复审');
    await county.reload();
    await step(county, 'conclude', async (f) => {
      await choose(county, '[data-test="insp-grade"]', '不合格');
      await f.locator('[data-test="insp-conclusion"]').fill('整改不到位，安全隐患仍存在。');
    });
    await status(county, '已出结论');
    await county.locator('[data-test="enrolment-stopped"]', { hasText: '2023年停止招生' }).waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'record-zh');

    // The registry of private schools shows it beside the approved intake.
    await county.goto(`${h.server.url}/private-edu/schools?q=${encodeURIComponent(schoolName)}`);
    await county.locator('[data-test="private-edu-school-list"] [data-test="enrolment-stopped"]', { hasText: '2023年停止招生' }).waitFor();
    await county.goBack();
    await status(county, '已出结论');

    // The school sees its next-year enrolment stopped, in its list too.
    await school.goto(`${h.server.url}/private-edu/inspections`);
    await school.locator('[data-test="inspection-table"] [data-test="enrolment-stopped"]', { hasText: '2023年停止招生' }).waitFor();
    await county.locator('header').getByRole('button', { name: 'English' }).click();
    await county.waitForFunction(() => document.documentElement.lang === 'en-US');
    await county.locator('[data-test="enrolment-stopped"]', { hasText: 'Enrolment stopped in 2023' }).waitFor();
    await shot(county, 'record-en');
    await county.goto(`${h.server.url}/private-edu/inspections`);
    await county.locator('[data-test="inspection-table"]').waitFor();
    expect(await seriousViolations(county)).toEqual([]);
    await shot(county, 'list-en');
  });
});
