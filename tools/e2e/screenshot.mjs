// Takes screenshots of pages for a person to look at:
//   node tools/e2e/screenshot.mjs http://127.0.0.1:3000 / /safety ... [--width 375] [--out screenshots]
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch } from './browser.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { width: { type: 'string', default: '1280' }, out: { type: 'string', default: 'screenshots' }, full: { type: 'boolean', default: false } },
});
const [base, ...paths] = positionals;
mkdirSync(values.out, { recursive: true });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log(`[console] ${m.text()}`));
for (const p of paths) {
  await page.goto(base + p, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const file = `${values.out}/${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${values.width}.png`;
  await page.screenshot({ path: file, fullPage: values.full });
  console.log(file);
}
await browser.close();
