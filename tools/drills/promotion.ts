// The primary lost under the platform: the server is configured with both hosts (DATABASE_URL names the primary and the
// standby) and reads lists from the standby; counties write through it; every primary process is killed; the standby is
// promoted (by the drill, as the operator or pg_auto_failover would). The same server process must find the new primary
// by itself and take writes again, every acknowledged write must be on it with its audit record, and the lists go on.
import { request, signIn } from '@hyedu/scale/client';
import { ask, killCluster, promote } from './clusters.ts';
import { drillKeys, HENGNAN, sleep, startPlatform, streamWrites, until } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';
import { checkChain, onOwnPair } from './stage.ts';

const TITLE = '主库切换演练';

export async function promotionDrill(o: { ports: [number, number]; writers: number; seconds: number }): Promise<FaultDrill> {
  const f = new Findings('主库丢失、备用库提升：平台自行找到新主库');
  const keys = drillKeys();
  return onOwnPair(f, 'hyedu-drill-promotion-', o.ports, async ({ primary, standby, servers }) => {
    const both = `postgres://postgres@127.0.0.1:${o.ports[0]},127.0.0.1:${o.ports[1]}/postgres`;
    const server = await startPlatform({ keys, databaseUrl: both, env: { DATABASE_STANDBY_URL: standby.url } });
    servers.push(server);
    const county = await signIn(server.url, 'hengnan');
    const city = await signIn(server.url, 'safety');
    const schools = await ask<{ id: number }>(primary, 'select id from schools where unit_code = $1 order by id limit 20', [HENGNAN]);

    const stream = streamWrites(
      county,
      schools.map((r) => r.id),
      TITLE,
      o.writers,
      100,
    );
    await sleep(o.seconds * 1000);
    const killedAt = stream.elapsed();
    killCluster(primary);
    await sleep(1000);
    const promotedAt = stream.elapsed();
    await promote(standby);
    await until('写入在新主库上恢复', async () => stream.writes.some((w) => w.ok && w.at > promotedAt), 30_000);
    await sleep(o.seconds * 1000);
    const writes = await stream.end();

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
    const health = JSON.parse((await request(`${server.url}/api/health`)).body) as { status: string; standby?: { status: string } };
    f.figure(`实例健康：${health.status}；原备用库（已提升）：${health.standby?.status ?? ''}`);
    f.check('列表继续可读（原备用库已成主库，列表改读主库）', list.status === 200 && health.status === 'ok');
    await checkChain(f, { url: standby.url }, keys.secrets);
  });
}
