import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { realPng } from './fixtures.ts';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-forms-');

async function as(user: string, width = 1280): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await signIn(page, h.server.url, user);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `forms-${name}.png`), fullPage: true });

describe('record forms (useRecordForm, FormField)', () => {
  it('a refused hazard shows each error beside its field, announced and tied to the control; closing with changes asks first', async () => {
    const school = await as('school');
    await school.goto(`${h.server.url}/safety/hazards`);
    await school.locator('[data-test="hazard-report"]').click();
    const form = school.locator('[data-test="hazard-form"]');
    await form.waitFor();
    await form.locator('[data-test="hazard-submit-form"]').click();
    const error = form.locator('[data-test="field-category"] .hy-field-error');
    await expect(error.textContent()).resolves.toBe('请选择隐患类别');
    await expect(error.getAttribute('role')).resolves.toBe('alert');
    await expect(form.locator('#hz-person').getAttribute('aria-describedby')).resolves.toBe('hz-person-error');
    await expect(form.locator('#hz-person').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(seriousViolations(school)).resolves.toEqual([]);
    await shot(school, 'hazard-errors');

    // Unsaved changes: Esc asks, 继续编辑 keeps the dialog; 取消 asks again, 放弃 closes it.
    await form.locator('#hz-location').fill('学生宿舍三楼');
    await school.keyboard.press('Escape');
    const box = school.locator('.el-message-box');
    await box.waitFor();
    await expect(box.textContent()).resolves.toContain('有未保存的修改，确定放弃吗？');
    await shot(school, 'discard-question');
    await box.getByRole('button', { name: '继续编辑' }).click();
    await box.waitFor({ state: 'hidden' });
    await expect(form.isVisible()).resolves.toBe(true);
    await form.getByRole('button', { name: '取消' }).click();
    await box.getByRole('button', { name: '放弃' }).click();
    await form.waitFor({ state: 'hidden' });

    // Opened again it is blank, and closing a blank form asks nothing.
    await school.locator('[data-test="hazard-report"]').click();
    await form.waitFor();
    await expect(form.locator('#hz-location').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'hidden' });

    // Saved with a photo: the hazard's attachment list shows it with size and who, and previews it inline.
    await school.locator('[data-test="hazard-report"]').click();
    await form.locator('[data-test="field-category"] .el-select').click({ force: true });
    await school.locator('.el-select-dropdown__item:visible', { hasText: '消防' }).first().click();
    await form.locator('#hz-person').fill('王志强');
    await form.locator('#hz-description').fill('宿舍三楼东侧安全出口被杂物堵塞');
    await form.locator('[data-test="hazard-photos"]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: realPng() });
    await form.locator('[data-test="hazard-submit-form"]').click();
    await school.locator('[data-test="hazard-notice"] a').click();
    const file = school.locator('[data-phase="before"] [data-test="hazard-file"]', { hasText: '现场.png' });
    await file.waitFor();
    await expect(school.locator('[data-phase="before"] .hy-attachments__meta').textContent()).resolves.toMatch(/KB · /);
    await shot(school, 'hazard-files');
    await file.click();
    await school.locator('[data-test="hazard-preview"]').waitFor();
    // The preview fades in: axe measures contrast once it has (a half-faded link reads as too faint).
    await school.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    );
    await shot(school, 'hazard-preview');
    await expect(seriousViolations(school)).resolves.toEqual([]);
    await school.context().close();
  });

  it('the 4个100% entry and the incident report: every control labelled, no serious axe violation', async () => {
    const school = await as('school');
    await school.goto(`${h.server.url}/safety/compliance`);
    await school.getByText('切换到本学期').click(); // the page opens on the last verified term; this term is still open
    await school.locator('[data-test="profile-enter"]').first().click();
    const entry = school.locator('[data-test="profile-entry"]');
    await entry.waitFor();
    await entry.locator('[data-test="entry-students"]').fill('abc');
    await school.locator('[data-test="entry-submit"]').click();
    await school.locator('[data-test="profile-entry"] .hy-field-error').first().waitFor();
    await expect(seriousViolations(school)).resolves.toEqual([]);
    await shot(school, 'profile-entry');
    await school.goto(`${h.server.url}/safety/incidents`);
    await school.locator('[data-test="incident-report"]').click();
    const incident = school.locator('[data-test="incident-form"]');
    await incident.waitFor();
    await incident.locator('[data-test="incident-submit-form"]').click();
    await incident.locator('.hy-field-error').first().waitFor();
    await expect(seriousViolations(school)).resolves.toEqual([]);
    await shot(school, 'incident-errors');
    await school.context().close();
  });

  it('the city’s settings, an activity and an inspection: errors beside their fields, no serious axe violation', async () => {
    const city = await as('safety');
    await city.goto(`${h.server.url}/safety/compliance`);
    await city.locator('[data-test="settings-open"]').click();
    const settings = city.locator('[data-test="settings-form"]');
    await settings.waitFor();
    await settings.locator('[data-test="settings-minimum"]').fill('-1');
    await city.locator('[data-test="settings-save"]').click();
    await settings.locator('.hy-field-error').first().waitFor();
    await expect(settings.locator('#settings-minimum').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(seriousViolations(city)).resolves.toEqual([]);
    await shot(city, 'settings-errors');

    await city.goto(`${h.server.url}/safety/activities`);
    await city.locator('[data-test="activity-add"]').click();
    await city.locator('[data-test="activity-form"]').waitFor();
    await city.locator('[data-test="activity-save"]').click();
    await city.locator('[data-test="activity-form"] .hy-field-error').first().waitFor();
    await expect(seriousViolations(city)).resolves.toEqual([]);
    await shot(city, 'activity-errors');

    await city.goto(`${h.server.url}/safety/inspections`);
    await city.locator('[data-test="inspection-add"]').click();
    const inspection = city.locator('[data-test="inspection-form"]');
    await inspection.waitFor();
    await inspection.locator('[data-test="inspection-submit-form"]').click();
    await inspection.locator('.hy-field-error').first().waitFor();
    await expect(seriousViolations(city)).resolves.toEqual([]);
    await shot(city, 'inspection-errors');
    await city.context().close();
  });
});
