import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useHarness } from './harness.ts';
import { countSharedFetches, overflowsHorizontally, seriousViolations } from './page-checks.ts';
import { registry, ROOT, startServer } from './server.ts';
import { DEMO_PASSWORD, signIn as signInAt } from './sign-in.ts';

const MODULES = [
  { key: 'safety', title: '安全管理' },
  { key: 'private-edu', title: '民办教育' },
  { key: 'teachers', title: '教师队伍' },
  { key: 'funding', title: '经费与资助' },
] as const;

const h = useHarness('hyedu-e2e-');

interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
}
/** A fresh page that records every request, console error, page error and CSP violation; signed in as `user` unless null. */
async function open(width = 1280, user: string | null = 'leader'): Promise<Watched> {
  const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  if (user) await signIn(page, user);
  requests.length = 0;
  return { page, requests, problems };
}

const signIn = (page: Page, user: string, password = DEMO_PASSWORD) => signInAt(page, h.server.url, user, password);
async function moduleRendered(page: Page, key: string) {
  await page.locator(`[data-module="${key}"] .el-table__row`).first().waitFor({ timeout: 20_000 });
  await expect(page.locator('main h1').first().textContent()).resolves.toBeTruthy();
}
const closeAll = async (w: Watched) => w.page.context().close();

describe('the portal with all four modules', () => {
  it('shows the 19 work items and the registry by county, with real data', async () => {
    const w = await open();
    await w.page.goto(h.server.url);
    await w.page.locator('[data-test="work-items"]').waitFor();
    expect(await w.page.locator('[data-test="work-items"] .el-collapse-item').count()).toBe(19);
    await expect(w.page.locator('[data-test="work-items"]').textContent()).resolves.toContain('维护教育系统安全稳定');
    await w.page.locator('[data-test="registry-by-unit"] tbody tr').nth(13).waitFor();
    await expect(w.page.locator('[data-test="registry-by-unit"]').textContent()).resolves.toContain('衡南县');
    expect(w.problems).toEqual([]);
    await closeAll(w);
  });

  it('loads every module from the registry at run time; shared libraries are fetched once, from the portal', async () => {
    const w = await open();
    await w.page.goto(h.server.url);
    await w.page.locator('[data-test="work-items"]').waitFor();
    for (const m of MODULES) {
      await w.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: m.title, exact: true }).click();
      await moduleRendered(w.page, m.key);
      expect(await w.page.title()).toContain(m.title);
    }
    const shared = countSharedFetches(w.requests);
    for (const [name, n] of Object.entries(shared)) {
      expect(n, name).toEqual({ total: 1, fromModules: 0 });
    }
    for (const m of MODULES) expect(w.requests.some((u) => u.endsWith(`/mf/${m.key}/remoteEntry.js`))).toBe(true);
    expect(w.problems).toEqual([]);
    await closeAll(w);
  });

  it('deep links into a module work, and the portal guards run for module routes (one router)', async () => {
    const w = await open();
    await w.page.goto(`${h.server.url}/safety/schools?unit=430422`);
    await moduleRendered(w.page, 'safety');
    // The portal's afterEach guard titles every route, the module's own routes included.
    expect(await w.page.title()).toMatch(/ - 衡阳市教育局工作平台$/);
    const titleBefore = await w.page.title();
    // A link inside the module navigates the portal's router: the portal header follows.
    await w.page.locator('[data-module="safety"] nav a').first().click();
    await w.page.waitForFunction((t) => document.title !== t, titleBefore);
    const crumb = await w.page.locator('[data-test="page-title"]').textContent();
    expect(await w.page.title()).toContain(crumb ?? '-');
    expect(w.problems).toEqual([]);
    await closeAll(w);
  });

  it('portal and modules share one store: switching the language in the portal header switches the module', async () => {
    const w = await open();
    await w.page.goto(`${h.server.url}/private-edu`);
    await moduleRendered(w.page, 'private-edu');
    const zh = await w.page.locator('[data-module="private-edu"]').textContent();
    await w.page.getByRole('button', { name: 'English' }).click();
    await w.page.waitForFunction(() => document.documentElement.lang === 'en-US');
    const en = await w.page.locator('[data-module="private-edu"]').textContent();
    expect(en).not.toEqual(zh);
    expect(en).toMatch(/[A-Za-z]{4,}/);
    await w.page.getByRole('button', { name: '中文' }).click();
    await closeAll(w);
  });

  it('every page passes axe (no serious or critical violations) and fits a 375 px phone', async () => {
    const pages = [
      '/',
      '/plan',
      '/plan/targets',
      '/registry?unit=430481',
      ...MODULES.map((m) => `/${m.key}`),
      '/safety/schools',
      '/private-edu/schools',
      '/teachers/schools',
      '/account',
    ];
    for (const width of [1280, 375]) {
      const w = await open(width);
      for (const path of pages) {
        await w.page.goto(h.server.url + path);
        await w.page.locator('main h1').first().waitFor();
        await w.page.waitForLoadState('networkidle');
        expect(await seriousViolations(w.page), `${path} @${width}`).toEqual([]);
        expect(await overflowsHorizontally(w.page), `${path} @${width} overflows`).toBe(false);
      }
      expect(w.problems).toEqual([]);
      await closeAll(w);
      const anon = await open(width, null);
      await anon.page.goto(`${h.server.url}/login`);
      await anon.page.locator('h1').waitFor();
      expect(await seriousViolations(anon.page), `/login @${width}`).toEqual([]);
      expect(await overflowsHorizontally(anon.page)).toBe(false);
      await closeAll(anon);
    }
  });
});

/** The environment of a department's release build: without the variables vitest sets (the federation plugin steps aside under vitest). */
function releaseEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST'));
  return { ...env, NODE_ENV: 'production' };
}

describe('signing in', () => {
  it('asks for a login first and returns to the page asked for; shows 上次登录 and the data scope', async () => {
    const w = await open(1280, null);
    await w.page.goto(`${h.server.url}/teachers/schools`);
    await w.page.waitForURL(/\/login\?redirect=/);
    await signIn(w.page, 'hengnan');
    expect(new URL(w.page.url()).pathname).toBe('/teachers/schools');
    await expect(w.page.locator('[data-test="scope-badge"]').textContent()).resolves.toContain('数据范围：衡南县教育局');
    await expect(w.page.locator('[data-test="last-login"]').textContent()).resolves.toMatch(/上次登录|首次登录/);
    await closeAll(w);
  });

  it('one message for unknown users, wrong passwords and a locked account', async () => {
    const w = await open(1280, null);
    await w.page.goto(`${h.server.url}/login`);
    const attempt = async (user: string) => {
      await w.page.getByLabel('用户名').fill(user);
      await w.page.getByLabel('密码', { exact: true }).fill('wrong-password');
      await w.page.getByRole('button', { name: '登录' }).click();
      const alert = w.page.locator('[data-test="login-error"]');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      await w.page.reload();
      return text.trim();
    };
    const COMMON = '用户名或密码错误（连续失败5次将锁定15分钟）';
    expect(await attempt('no-such-user')).toBe(COMMON);
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) texts.push(await attempt('privedu'));
    expect(texts).toEqual(Array(6).fill(COMMON));
    await closeAll(w);
  });

  it('after signing out, the old session cookie is refused', async () => {
    const w = await open(1280, 'safety');
    const cookies = await w.page.context().cookies();
    expect(cookies.find((c) => c.name === 'hy_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await w.page.locator('[data-test="logout"]').click();
    await w.page.waitForURL(/\/login/);
    const replay = await h.browser.newContext();
    await replay.addCookies(cookies);
    const page = await replay.newPage();
    await page.goto(`${h.server.url}/safety`);
    await page.waitForURL(/\/login/);
    const api = await replay.request.get(`${h.server.url}/api/trpc/platform.modules`);
    expect(api.status()).toBe(401);
    await replay.close();
    await closeAll(w);
  });

  it('a county user cannot reach another county by URL, nor a module it was not granted', async () => {
    const w = await open(1280, 'leiyang');
    await w.page.goto(`${h.server.url}/registry?unit=430422`);
    await w.page.locator('[data-test="school-list"]').waitFor();
    await expect(w.page.locator('main h1 + p').first().textContent()).resolves.toContain('共 0 所');
    await w.page.goto(`${h.server.url}/private-edu`);
    await expect(w.page.locator('[data-test="forbidden"]').textContent()).resolves.toContain('无权访问');
    await expect(w.page.locator('main').textContent()).resolves.toContain('请联系安全管理员授权');
    await w.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '安全管理', exact: true }).waitFor(); // the menu is there, without 民办教育
    expect(await w.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '民办教育', exact: true }).count()).toBe(0);
    await closeAll(w);
  });
});

describe('the module registry screen', () => {
  it('the 系统管理员 changes a module there; the change is audited and applies without a restart', async () => {
    const w = await open(1280, 'sysadmin');
    await w.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '模块登记', exact: true }).click();
    const card = w.page.locator('[data-test="registry-funding"]');
    await card.waitFor();
    await card.getByLabel('版本').fill('0.1.1');
    await card.getByRole('button', { name: '保存' }).click();
    await expect(w.page.locator('[data-test="registry-notice"]').textContent()).resolves.toContain('「经费与资助」已保存');
    expect(await seriousViolations(w.page)).toEqual([]);
    const api = await w.page.request.get(`${h.server.url}/api/trpc/platform.modules`);
    expect(JSON.stringify(await api.json())).toContain('"version":"0.1.1"');

    // An entry on an origin nobody listed is refused beside the field; once the origin is listed, it is accepted.
    const entry = card.getByLabel('入口地址');
    await entry.fill('https://funding.dept.example/remoteEntry.js');
    await card.getByRole('button', { name: '保存' }).click();
    await expect(w.page.locator('[data-test="entry-error-funding"]').textContent()).resolves.toBe(
      '入口地址的来源 https://funding.dept.example 不在模块来源名单中，请先登记该来源',
    );
    const origins = w.page.locator('[data-test="module-origins"]');
    await origins.getByLabel('来源', { exact: true }).fill('https://funding.example/mf');
    await origins.getByLabel('说明').fill('计划财务科模块服务器');
    await origins.getByRole('button', { name: '登记来源' }).click();
    await expect(w.page.locator('[data-test="origin-error"]').textContent()).resolves.toBe('来源只含协议、主机名和端口，不含路径');
    await origins.getByLabel('来源', { exact: true }).fill('https://funding.dept.example');
    await origins.getByRole('button', { name: '登记来源' }).click();
    await origins.locator('[data-test="origin-https://funding.dept.example"]').waitFor();
    await card.getByRole('button', { name: '保存' }).click();
    await expect(w.page.locator('[data-test="registry-notice"]').textContent()).resolves.toContain('「经费与资助」已保存');
    await w.page.screenshot({ path: join(SHOTS, 'module-registry-origins.png'), fullPage: true });
    expect(await seriousViolations(w.page)).toEqual([]);
    // The server's CSP now allows that origin, and only it besides the platform's own.
    const csp = (await w.page.request.get(`${h.server.url}/`)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' https://funding.dept.example;");
    // Back to the platform's own build (the tests below expect it), then the origin may go.
    await entry.fill('/mf/funding/remoteEntry.js');
    await card.getByRole('button', { name: '保存' }).click();
    await expect(w.page.locator('[data-test="registry-notice"]').textContent()).resolves.toContain('「经费与资助」已保存');
    await origins.getByRole('button', { name: '移除' }).click();
    await origins.getByRole('button', { name: '确认移除' }).click();
    await expect(w.page.locator('[data-test="origins-notice"]').textContent()).resolves.toContain('已移除');
    await closeAll(w);
  });
});

describe('the audit trail', () => {
  it('the 审计管理员 sees and verifies it; the 系统管理员 cannot read it', async () => {
    const w = await open(1280, 'auditor');
    await w.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计查询', exact: true }).click();
    await w.page.locator('[data-test="audit-list"] .el-table__row').first().waitFor();
    await expect(w.page.locator('[data-test="audit-action"]', { hasText: '登录' }).first().textContent()).resolves.toBe('登录');
    expect(await w.page.locator('[data-test="audit-list"]').textContent()).not.toContain('auth.login');
    await w.page.locator('[data-test="audit-verify"]').click();
    await expect(w.page.locator('[data-test="audit-notice"]').textContent()).resolves.toMatch(/审计链完整：已校验 [\d,]+ 条记录/);
    expect(await seriousViolations(w.page)).toEqual([]);
    expect(w.problems).toEqual([]);
    await closeAll(w);

    const admin = await open(1280, 'sysadmin');
    await admin.page.goto(`${h.server.url}/admin/audit`);
    await expect(admin.page.locator('[data-test="forbidden"]').textContent()).resolves.toContain('审计管理员角色');
    const api = await admin.page.request.get(
      `${h.server.url}/api/trpc/audit.search?input=${encodeURIComponent(JSON.stringify({ page: 1, pageSize: 5 }))}`,
    );
    expect(api.status()).toBe(403);
    await closeAll(admin);
  });
});

/** Hash of the portal's build, to show that registry changes need no portal rebuild. */
function portalBuildHash() {
  const dir = join(ROOT, 'apps/portal/dist');
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe('the module registry drives the portal', () => {
  const portalBefore = portalBuildHash();

  it('a module whose URL points nowhere shows a clear message; the portal and the other modules keep working', async () => {
    await h.server.stop();
    registry(h.dataDir, 'set', 'safety', '--entry', '/mf/nowhere/remoteEntry.js');
    registry(h.dataDir, 'set', 'funding', '--entry', '/garbage/remoteEntry'); // answers HTML, not JavaScript
    h.server = await startServer(h.dataDir);
    const w = await open();
    await w.page.goto(`${h.server.url}/safety`);
    const msg = w.page.locator('[data-test="module-unavailable"]');
    await msg.waitFor({ timeout: 20_000 });
    await expect(msg.textContent()).resolves.toContain('「安全管理」模块暂时无法加载，其他功能不受影响');
    await expect(w.page.getByRole('button', { name: '重试' }).isVisible()).resolves.toBe(true);
    await w.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '经费与资助', exact: true }).click();
    await w.page.locator('[data-test="module-unavailable"]').filter({ hasText: '经费与资助' }).waitFor();
    for (const key of ['private-edu', 'teachers']) {
      await w.page.goto(`${h.server.url}/${key}`);
      await moduleRendered(w.page, key);
    }
    await w.page.goto(h.server.url);
    await w.page.locator('[data-test="work-items"]').waitFor();
    await closeAll(w);
  });

  it('pointing a module at a new build takes effect without rebuilding the portal', async () => {
    // The teachers department ships a new build to a new path under its prefix.
    execFileSync(join(ROOT, 'apps/teachers/node_modules/.bin/vite'), ['build', '--outDir', 'dist/e2e-v2', '--emptyOutDir'], {
      cwd: join(ROOT, 'apps/teachers'),
      env: { ...releaseEnv(), REMOTE_BASE: '/mf/teachers/e2e-v2/' },
      stdio: 'ignore',
    });
    try {
      await h.server.stop();
      registry(h.dataDir, 'set', 'safety', '--entry', '/mf/safety/remoteEntry.js');
      registry(h.dataDir, 'set', 'funding', '--entry', '/mf/funding/remoteEntry.js');
      registry(h.dataDir, 'set', 'teachers', '--entry', '/mf/teachers/e2e-v2/remoteEntry.js', '--version', '0.2.0');
      h.server = await startServer(h.dataDir);
      const w = await open();
      await w.page.goto(`${h.server.url}/teachers`);
      await moduleRendered(w.page, 'teachers');
      expect(w.requests.some((u) => u.endsWith('/mf/teachers/e2e-v2/remoteEntry.js'))).toBe(true);
      expect(w.requests.some((u) => u.endsWith('/mf/teachers/remoteEntry.js'))).toBe(false);
      await w.page.goto(`${h.server.url}/safety`);
      await moduleRendered(w.page, 'safety');
      expect(portalBuildHash()).toBe(portalBefore);
      await closeAll(w);
    } finally {
      rmSync(join(ROOT, 'apps/teachers/dist/e2e-v2'), { recursive: true, force: true });
    }
  });
});
