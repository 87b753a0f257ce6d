import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { signIn } from './sign-in.ts';
import { jsAndCss, recordTransfer, total, type Transferred } from './transfer.ts';

/** JavaScript and CSS bodies, as sent (compressed), from the login page to the home page: the platform's budget. */
const BUDGET = 250 * 1024;

const h = useHarness('hyedu-wire-');
const name = (r: Transferred) => new URL(r.url).pathname;

describe('bytes on the wire', () => {
  it('the leader downloads at most 250 KB of JavaScript and CSS from the login page to the home page, compressed', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    h.watch(page);
    const rec = await recordTransfer(page);
    await page.goto(`${h.server.url}/login`);
    await page.locator('[data-test="login-form"]').waitFor();
    await page.waitForLoadState('networkidle');
    const atLogin = rec.list.length;
    await signIn(page, h.server.url, 'leader');
    await page.locator('[data-test="work-items"]').waitFor();
    await page.locator('[data-test="registry-by-unit"] tbody tr').nth(13).waitFor();
    await page.waitForLoadState('networkidle');
    await rec.stop();

    const code = jsAndCss(rec.list);
    const report = code.map((r) => `${(r.body / 1024).toFixed(1)} KB ${r.encoding} ${name(r)}`).join('\n');
    expect(total(code, 'body'), report).toBeLessThanOrEqual(BUDGET);
    // Every script and stylesheet worth compressing arrived compressed, and none came twice.
    expect(code.filter((r) => r.decoded >= 1024 && r.encoding !== 'br').map(name)).toEqual([]);
    expect(new Set(code.map(name)).size).toBe(code.length);
    // The login page itself loads neither the shell, the home page nor the large components the home page shows.
    const login = jsAndCss(rec.list.slice(0, atLogin)).map(name);
    expect(login.filter((p) => /\/(TheShell|HomePage|table|menu|select|overlay)-[\w-]{8}\.(js|css)$/.test(p))).toEqual([]);
    expect(login.some((p) => /\/LoginPage-[\w-]{8}\.js$/.test(p))).toBe(true);
    // Pages not shown are not downloaded: no dashboard, no charts, no drop-downs or dialogs on the way home.
    expect(code.map(name).filter((p) => /\/(DashboardPage|charts|echarts|select|overlay)-[\w-]{8}\.(js|css)$/.test(p))).toEqual([]);
  });

  it('serves hashed files for a year and entry files for one load, each in the encoding the browser accepts', async () => {
    const html = await (await fetch(`${h.server.url}/login`)).text();
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const br = await fetch(`${h.server.url}${entry}`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await fetch(`${h.server.url}${entry}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(0);
    const remote = await fetch(`${h.server.url}/mf/safety/remoteEntry.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(remote.headers.get('content-encoding')).toBe('gzip');
    expect(remote.headers.get('cache-control')).toBe('no-cache');
  });
});
