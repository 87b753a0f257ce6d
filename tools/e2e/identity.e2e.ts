import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { seriousViolations } from './page-checks.ts';
import { signIn } from './sign-in.ts';

const h = useHarness('hyedu-e2e-id-');
const INITIAL = 'Chu#shi2026mima';
const CHOSEN = 'Wo#de2026xinmima';

async function newPage(width = 1280): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  return context.newPage();
}
/** Picks an option of an Element Plus select (its list opens in a popper at the end of the page). */
async function choose(page: Page, label: string, option: string, scope = page.locator('body')) {
  await scope.getByLabel(label, { exact: true }).last().click({ force: true }); // the select's placeholder covers its input
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('accounts are created by the 系统管理员 and granted by the 安全管理员', () => {
  it('a new county user must change the initial password before anything else, then sees its own county', async () => {
    const sys = await newPage();
    await signIn(sys, h.server.url, 'sysadmin');
    await sys.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '账号管理', exact: true }).click();
    await sys.locator('[data-test="account-create"]').click();
    const form = sys.locator('[data-test="account-form"]');
    await form.getByLabel('用户名').fill('Wang.Wu');
    await form.getByLabel('姓名或单位').fill('王五（衡东县教育局）');
    await form.getByLabel('初始密码').fill('password');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(text(sys, '[data-test="account-form-error"]')).resolves.toContain('初始密码');
    await form.getByLabel('初始密码').fill(INITIAL);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(text(sys, '[data-test="accounts-notice"]')).resolves.toContain('账号 wang.wu 已创建');
    await sys.locator('.el-overlay').last().waitFor({ state: 'hidden' });
    expect(await seriousViolations(sys)).toEqual([]);
    await sys.screenshot({ path: join(SHOTS, 'accounts.png') });
    await sys.context().close();

    const sec = await newPage();
    await signIn(sec, h.server.url, 'secadmin');
    await sec.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '授权管理', exact: true }).click();
    await sec.getByLabel('搜索用户名或姓名').fill('wang');
    const row = sec.locator('[data-test="account-table"] .el-table__row', { hasText: 'wang.wu' });
    await row.getByRole('button', { name: '授权' }).click();
    await sec.locator('[data-test="grant-add"]').click();
    const dialog = sec.locator('.el-dialog:visible');
    await choose(sec, '角色', '县区教育局', dialog);
    await choose(sec, '县区', '衡东县教育局', dialog);
    await sec.screenshot({ path: join(SHOTS, 'grant-dialog.png') });
    await sec.locator('[data-test="grants-save"]').click();
    await expect(text(sec, '[data-test="grants-notice"]')).resolves.toBe('账号 wang.wu 的授权已保存');
    await row.filter({ hasText: '县区教育局' }).waitFor(); // the list shows the new role once reloaded
    await sec.locator('.el-overlay').last().waitFor({ state: 'hidden' });
    await sec.screenshot({ path: join(SHOTS, 'grants.png') });
    expect(await seriousViolations(sec)).toEqual([]);
    await sec.context().close();

    const user = await newPage();
    await signIn(user, h.server.url, 'wang.wu', INITIAL);
    expect(new URL(user.url()).pathname).toBe('/account');
    await expect(text(user, 'main')).resolves.toContain('首次登录，请先修改初始密码。');
    await user.goto(`${h.server.url}/registry`);
    await user.waitForURL(/\/account$/); // nothing else opens first
    await user.getByLabel('当前密码').fill(INITIAL);
    await user.getByLabel('新密码', { exact: true }).fill(CHOSEN);
    await user.getByLabel('确认新密码').fill(CHOSEN);
    await user.getByRole('button', { name: '保存新密码' }).click();
    await user.waitForURL((u) => u.pathname === '/');
    await expect(text(user, '[data-test="scope-badge"]')).resolves.toContain('数据范围：衡东县教育局');
    await user.context().close();
  });

  it('an account granted an administrator role must set up its second factor at first sign-in', async () => {
    const sys = await newPage();
    await signIn(sys, h.server.url, 'sysadmin');
    await sys.goto(`${h.server.url}/admin/accounts`);
    await sys.locator('[data-test="account-create"]').click();
    const form = sys.locator('[data-test="account-form"]');
    await form.getByLabel('用户名').fill('zhao.liu');
    await form.getByLabel('姓名或单位').fill('赵六（审计）');
    await form.getByLabel('初始密码').fill(INITIAL);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(text(sys, '[data-test="accounts-notice"]')).resolves.toContain('账号 zhao.liu 已创建');
    await sys.context().close();

    const sec = await newPage();
    await signIn(sec, h.server.url, 'secadmin');
    await sec.goto(`${h.server.url}/admin/grants`);
    await sec.getByLabel('搜索用户名或姓名').fill('zhao');
    await sec.locator('[data-test="account-table"] .el-table__row', { hasText: 'zhao.liu' }).getByRole('button', { name: '授权' }).click();
    await sec.locator('[data-test="grant-add"]').click();
    const dialog = sec.locator('.el-dialog:visible');
    await choose(sec, '角色', '审计管理员', dialog);
    await sec.locator('[data-test="grants-save"]').click();
    await expect(text(sec, '[data-test="grants-notice"]')).resolves.toBe('账号 zhao.liu 的授权已保存');
    await sec.context().close();

    const admin = await newPage(375);
    await signIn(admin, h.server.url, 'zhao.liu', INITIAL);
    await admin.getByLabel('当前密码').fill(INITIAL);
    await admin.getByLabel('新密码', { exact: true }).fill(CHOSEN);
    await admin.getByLabel('确认新密码').fill(CHOSEN);
    await admin.getByRole('button', { name: '保存新密码' }).click();
    // Still on the account page: an administrator needs the second factor first.
    await expect(text(admin, '[data-test="totp-card"]')).resolves.toContain('管理员账号须先绑定动态口令后才能使用系统。');
    await admin.locator('[data-test="totp-start"]').click();
    const secret = (await text(admin, '[data-test="totp-secret"]')).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await admin.screenshot({ path: join(SHOTS, 'totp-375.png'), fullPage: true });
    await admin.getByLabel('验证器显示的6位动态口令').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await admin.getByRole('button', { name: '确认绑定' }).click();
    await admin.waitForURL((u) => u.pathname === '/');
    await admin.goto(`${h.server.url}/admin/audit`);
    await admin.locator('[data-test="audit-list"] .el-table__row').first().waitFor();
    await admin.context().close();
  });
});

describe('idle sessions', () => {
  it('warns 5 minutes before the 30-minute idle limit; 继续使用 keeps the session; at the limit it signs out', async () => {
    // Sign in, then open the portal in a new tab of the same browser profile whose clock is a fake from the
    // start (installing a fake clock into a live page makes its time jump).
    const first = await newPage();
    await signIn(first, h.server.url, 'teachers');
    const context = await h.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      storageState: await first.context().storageState(),
    });
    await first.context().close();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(h.server.url);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.clock.fastForward('25:30'); // the lid of the laptop closed for 25½ minutes
    const warning = page.locator('[data-test="idle-warning"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/4 分 \d+ 秒后将自动退出登录/);
    await page.getByRole('button', { name: '继续使用' }).click();
    await warning.waitFor({ state: 'hidden' });
    await page.clock.fastForward('30:01');
    await page.waitForURL(/\/login\?redirect=/);
    await expect(text(page, '[data-test="login-error"]')).resolves.toBe('会话已超时，请重新登录');
    // The session is over on the server too.
    expect((await page.request.get(`${h.server.url}/api/trpc/platform.modules`)).status()).toBe(401);
    await page.context().close();
  });
});
