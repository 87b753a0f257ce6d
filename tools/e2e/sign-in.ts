import type { Page } from 'playwright-core';
import { nextCode } from './otp.ts';

// The demo accounts' password (libs/db/src/seed/accounts.ts; listed in the README).
export const DEMO_PASSWORD = 'Demo#2022pass';

/**
 * Signs in through the login page, as a person would: name and password, then (administrators, and anyone who
 * turned it on) the authenticator's code.
 */
export async function signIn(page: Page, baseUrl: string, user: string, password = DEMO_PASSWORD) {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  const otp = page.getByLabel('动态口令');
  const next = await Promise.race([
    page
      .waitForURL((u) => !u.pathname.startsWith('/login'))
      .then(
        () => 'in',
        () => 'timeout',
      ),
    otp.waitFor().then(
      () => 'otp',
      () => 'timeout',
    ),
  ]);
  if (next === 'otp') {
    await otp.fill(await nextCode(user));
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  await page.locator('main h1').first().waitFor();
}
