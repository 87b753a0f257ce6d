// A department's module failing as its server might: its remote entry not there (the connection dropped), far too slow,
// or answering an HTML page instead of JavaScript. A proxy of the drill's in front of the platform plays each fault; a
// headless browser signs in as the bureau's leader and opens every module: the portal stays up, each failing module says
// in Chinese that it is unavailable (within the portal's timeout), and the healthy module and the home page work.
// Needs the production build (pnpm build) and Chromium.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { launch } from '@hyedu/e2e/browser';
import { ROOT } from '@hyedu/e2e/server';
import { signIn } from '@hyedu/e2e/sign-in';
import { drillKeys, startPlatform } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';

type Fault = 'down' | 'slow' | 'html';
const FAULTS: Record<string, Fault> = { safety: 'slow', funding: 'html', teachers: 'down' };
const LABELS: Record<Fault, string> = { down: '连接中断', slow: '30 秒不答', html: '答一个 HTML 页面' };
const NAMES: Record<string, string> = { safety: '安全管理', funding: '经费与资助', teachers: '教师队伍', 'private-edu': '民办教育' };

/** A proxy to `upstream` that plays each module's fault on its remote entry and passes everything else through. */
function faultProxy(upstream: URL): Promise<{ url: string; close: () => Promise<void> }> {
  const slow = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const fault = FAULTS[/^\/mf\/([a-z-]+)\/remoteEntry\.js/.exec(req.url ?? '')?.[1] ?? ''];
    if (fault === 'down') return req.socket.destroy();
    if (fault === 'html')
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>维护中</title><p>维护中</p>');
    if (fault === 'slow') {
      slow.add(res);
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript' }).end('export {}'), 30_000);
      res.on('close', () => (clearTimeout(timer), slow.delete(res)));
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => (res.writeHead(answer.statusCode ?? 502, answer.headers), answer.pipe(res)),
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        close: () => {
          for (const r of slow) r.destroy();
          server.closeAllConnections();
          return new Promise((ok) => server.close(() => ok()));
        },
      }),
    ),
  );
}

export async function moduleFaultDrill(): Promise<FaultDrill> {
  const f = new Findings('部门模块宕机、超慢或答 HTML 时，门户照常');
  if (!existsSync(join(ROOT, 'apps/portal/dist/index.html'))) {
    f.check('需要生产构建：请先运行 pnpm build', false);
    return f.done();
  }
  const server = await startPlatform({ keys: drillKeys(), env: { HYEDU_SERVE_STATIC: '1' } });
  const proxy = await faultProxy(new URL(server.url));
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, proxy.url, 'leader');
    for (const [key, fault] of Object.entries(FAULTS)) {
      const t = performance.now();
      await page.goto(`${proxy.url}/${key}`);
      const notice = page.locator('[data-test="module-unavailable"]');
      const text = await notice.textContent({ timeout: 20_000 }).catch(() => null);
      const seconds = (performance.now() - t) / 1000;
      f.figure(`「${NAMES[key]}」${LABELS[fault]}：${seconds.toFixed(1)} 秒后显示「${text?.split('，')[0]?.trim() ?? '（无提示）'}」`);
      f.check(`「${NAMES[key]}」${LABELS[fault]}时，门户说明该模块暂时无法加载`, !!text?.includes(`「${NAMES[key]}」模块暂时无法加载`));
    }
    await page.goto(`${proxy.url}/private-edu`);
    const rendered = await page
      .locator('[data-module="private-edu"] .el-table__row')
      .first()
      .waitFor({ timeout: 20_000 })
      .then(
        () => true,
        () => false,
      );
    f.check('正常的模块（民办教育）照常显示数据', rendered);
    await page.goto(proxy.url);
    const home = await page
      .locator('[data-test="work-items"]')
      .waitFor({ timeout: 20_000 })
      .then(
        () => true,
        () => false,
      );
    f.check('门户首页（19 项重点工作）照常', home);
    return f.done();
  } catch (e) {
    return f.done(e);
  } finally {
    await browser.close();
    await proxy.close();
    await server.stop();
  }
}
