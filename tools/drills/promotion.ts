// The primary lost under the platform: the server is configured with both hosts (DATABASE_URL names the primary and the
// standby) and reads lists from the standby; counties write through it; every primary process is killed; the standby is
// promoted (by the drill, as the operator or pg_auto_failover would). The same server process must find the new primary
// by itself and take writes again, every acknowledged write must be on it with its audit record, and the lists go on.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Running } from '@hyedu/e2e/server';
import { message, request, signIn } from '@hyedu/scale/client';
import {
  ask,
  drillFolder,
  killCluster,
  promote,
  replicationState,
  startPrimary,
  startStandby,
  stopCluster,
  type Cluster,
} from './clusters.ts';
import { activity, drillKeys, HENGNAN, sleep, startPlatform, until } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';
import { checkChain } from './stage.ts';

const TITLE = '主库切换演练';

interface Write {
  title: string;
  ok: boolean;
  at: number;
  ms: number;
  answer: string;
}

export async function promotionDrill(o: { ports: [number, number]; writers: number; seconds: number }): Promise<FaultDrill> {
  const f = new Findings('主库丢失、备用库提升：平台自行找到新主库');
  const keys = drillKeys();
  const dir = drillFolder('hyedu-drill-promotion-');
  let primary: Cluster | undefined;
  let standby: Cluster | undefined;
  let server: Running | undefined;
  try {
    primary = startPrimary(join(dir, 'primary'), o.ports[0]);
    standby = startStandby(primary, join(dir, 'standby'), o.ports[1]);
    await until('备用库同步复制', async () => (await replicationState(primary!))?.sync === 'sync');
    const both = `postgres://postgres@127.0.0.1:${o.ports[0]},127.0.0.1:${o.ports[1]}/postgres`;
    server = await startPlatform({ keys, databaseUrl: both, env: { DATABASE_STANDBY_URL: standby.url } });
    const county = await signIn(server.url, 'hengnan');
    const city = await signIn(server.url, 'safety');
    const schools = await ask<{ id: number }>(primary, 'select id from schools where unit_code = $1 order by id limit 20', [HENGNAN]);

    const writes: Write[] = [];
    let stop = false;
    const started = performance.now();
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const title = `${TITLE}-${w}-${n}`;
        const at = performance.now() - started;
        const a = await county
          .mutateRaw('safety.activities.create', activity(schools[n % schools.length]!.id, title))
          .catch((e: Error) => ({ status: 0, body: e.message, cookie: undefined, cookies: [] }));
        writes.push({ title, ok: a.status === 200, at, ms: performance.now() - started - at, answer: `${a.status} ${message(a)}` });
        // A writer turned away waits a moment, as a person would before trying again.
        if (a.status !== 200) await sleep(100);
      }
    };
    const running = Array.from({ length: o.writers }, (_, w) => writer(w));
    await sleep(o.seconds * 1000);
    const killedAt = performance.now() - started;
    killCluster(primary);
    await sleep(1000);
    const promotedAt = performance.now() - started;
    await promote(standby);
    await until('写入在新主库上恢复', async () => writes.some((w) => w.ok && w.at > promotedAt), 30_000);
    await sleep(o.seconds * 1000);
    stop = true;
    await Promise.all(running);

    const acked = writes.filter((w) => w.ok);
    const failed = writes.filter((w) => !w.ok);
    const firstAfter = acked.find((w) => w.at > promotedAt)!;
    const resumed = (firstAfter.at + firstAfter.ms - promotedAt) / 1000;
    const longest = Math.max(...writes.map((w) => w.ms)) / 1000;
    f.figure(
      `${o.writers} 个县级写入者经同一实例写入；第 ${(killedAt / 1000).toFixed(1)} 秒主库进程全部被杀，1 秒后备用库提升（${(promotedAt / 1000).toFixed(1)} 秒）`,
    );
    f.figure(
      `成功 ${acked.length} 次（提升后 ${acked.filter((w) => w.at > promotedAt).length} 次），失败 ${failed.length} 次：${[...new Set(failed.map((w) => w.answer))].join('；').slice(0, 200)}`,
    );
    f.figure(`提升后 ${resumed.toFixed(1)} 秒写入恢复（同一服务进程，未改配置、未重启）；最长一次请求 ${longest.toFixed(1)} 秒`);
    f.check('同一实例在新主库上恢复写入（10 秒内）', resumed < 10);
    f.check(
      '主库不可用期间的失败都答中文',
      failed.every((w) => /[\u4e00-\u9fa5]/.test(w.answer)),
    );

    const rows = await ask<{ title: string }>(standby, 'select title from safety_activities where title like $1', [`${TITLE}-%`]);
    const stored = new Set(rows.map((r) => r.title));
    const missing = acked.filter((w) => !stored.has(w.title)).length;
    f.figure(`新主库上演练活动 ${rows.length} 条，已确认 ${acked.length} 条，其中缺失 ${missing} 条`);
    f.check('每一次确认成功的写入都在新主库上（同步复制，不丢已提交的写入）', missing === 0);
    const [audited] = await ask<{ n: string }>(standby, "select count(*) as n from audit_log where action = 'safety.addActivity'");
    f.check(`每条活动都有审计记录（${audited!.n} 条）`, Number(audited!.n) === rows.length);

    const list = await city.queryRaw('safety.activities.list', { page: 1, pageSize: 20, q: TITLE });
    const health = JSON.parse((await request(`${server.url}/api/health`)).body) as { status: string; standby?: { reason: string | null } };
    f.figure(`实例健康：${health.status}；备用库：${health.standby?.reason ?? '正常'}`);
    f.check('列表继续可读（原备用库已成主库，列表改读主库）', list.status === 200 && health.status === 'ok');
    await checkChain(f, { url: standby.url }, keys.secrets);
    return f.done();
  } catch (e) {
    if (server) f.figure(`服务输出（末尾）：${server.output().slice(-2000)}`);
    return f.done(e);
  } finally {
    await server?.stop();
    if (standby) stopCluster(standby, 'immediate');
    if (primary) stopCluster(primary, 'immediate');
    rmSync(dir, { recursive: true, force: true });
  }
}
