// `pnpm scale`: the platform as several API instances over one PostgreSQL behind the load balancer, on this machine.
//
//   pnpm scale [--instances 2] [--port 8443] [--database-url postgres://postgres@127.0.0.1:5432/hyedu_scale] [--fresh]
//              [--seed-scale 1] [--check]
//
// Installs nginx (Debian's package) when it is missing, builds the portal and modules (Nx caches), starts the instances
// together (one migrates and loads the demo data, the others wait for it) and the balancer, then prints each address.
// With --check it runs the topology's checks, prints their figures and a pass/fail line, and stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freshness, FRESHNESS_MS, percentile, sameResults, sharedLoginLimit } from './checks.ts';
import { startTopology } from './topology.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '2' },
    port: { type: 'string', default: '8443' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hyedu_scale' },
    'seed-scale': { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

if (!['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p))) {
  console.log('安装 nginx（Debian 软件包）…');
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error('nginx 安装失败：请以 root 运行 apt-get install -y nginx');
}
console.log('构建门户与各模块（已构建的部分由 Nx 缓存）…');
const built = spawnSync(`${ROOT}node_modules/.bin/nx`, ['run-many', '-t', 'build', '--outputStyle=static'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATH: `${ROOT}tools/scripts/bin:${ROOT}node_modules/.bin:${process.env.PATH}`,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  },
});
if (built.status !== 0) throw new Error('构建失败');

const instances = Number(values.instances);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) throw new Error('--instances 应为 1–16 的整数');
const databaseUrl = values['database-url'];
console.log(`启动 ${instances} 个实例（${databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}）与负载均衡…`);
const topology = await startTopology({
  databaseUrl,
  instances,
  port: Number(values.port),
  dir: `${ROOT}.hyedu-scale`,
  fresh: values.fresh,
  seedScale: Number(values['seed-scale']),
  serveStatic: true,
});
console.log(`负载均衡（HTTPS）：${topology.url}`);
topology.instances.forEach((u, i) => console.log(`实例 ${i + 1}：${u}`));
console.log(`全部实例就绪用时 ${topology.startSeconds.toFixed(1)} 秒（含迁移与演示数据）`);

if (values.check) {
  let ok = true;
  const same = await sameResults(topology);
  console.log(
    `一致性：${same.reads} 个查询经 ${topology.instances.length} 个实例与负载均衡，结果不同的 ${same.differing.length} 个${same.differing.length ? `（${same.differing.join('、')}）` : ''}`,
  );
  ok &&= same.differing.length === 0;
  const fresh = await freshness(topology, databaseUrl, 20);
  console.log(
    `跨实例时效：实例1写入、实例2读取 ${fresh.delays.length} 轮，p50 ${percentile(fresh.delays, 50).toFixed(0)} ms，最大 ${Math.max(...fresh.delays).toFixed(0)} ms，超过 ${FRESHNESS_MS} ms 的 ${fresh.late} 轮`,
  );
  ok &&= fresh.late === 0;
  if (topology.instances.length > 1) {
    const limit = await sharedLoginLimit(topology, 30);
    console.log(`登录限速（每地址 30 次/10 分钟）跨实例：第 ${limit.refusedAt ?? '—'} 次被拒绝`);
    ok &&= limit.refusedAt === 31;
  }
  await topology.stop();
  console.log(ok ? 'PASS 多实例检查通过' : 'FAIL 多实例检查未通过');
  process.exit(ok ? 0 : 1);
}
console.log('按 Ctrl-C 停止。');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void topology.stop().then(() => process.exit(0)));
