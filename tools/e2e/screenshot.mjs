// Takes screenshots of pages for a person to look at:
//   node tools/e2e/screenshot.mjs http://127.0.0.1:3000 / /safety ... [--width 375] [--out screenshots] [--user leader]
// With --user, signs in first as that demo account (password and, for administrators, the demo TOTP secret from the README).
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch } from './browser.mjs';
import { demoCode } from './demo-otp.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1280' },
    out: { type: 'string', default: 'screenshots' },
    full: { type: 'boolean', default: false },
    user: { type: 'string' },
  },
});
const [base, ...paths] = positionals;
mkdirSync(values.out, { recursive: true });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log(`[console] ${m.text()}`));
if (values.user) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(values.user);
  await page.getByLabel('密码', { exact: true }).fill('Demo#2022pass');
  await page.getByRole('button', { name: '登录' }).click();
  const otp = page.getByLabel('动态口令');
  if (
    await otp.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    )
  ) {
    await otp.fill(demoCode());
    await page.getByRole('button', { name: '登录' }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
for (const p of paths) {
  await page.goto(base + p, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const file = `${values.out}/${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${values.width}.png`;
  await page.screenshot({ path: file, fullPage: values.full });
  console.log(file);
}
await browser.close();
