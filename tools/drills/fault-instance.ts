// An instance killed with -9 while writes stream in through the balancer: the other instance serves on, only the requests
// the dead one held fail (in Chinese), every acknowledged write is in the database with its audit record, and the
// killed instance starts again over the same data with the chain intact.
import { join } from 'node:path';
import { startFront } from '@hyedu/front';
import { request, signIn } from '@hyedu/scale/client';
import { ask } from './clusters.ts';
import { drillKeys, HENGNAN, sleep, startPlatform, streamWrites } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';
import { checkChain, onOwnCluster } from './stage.ts';

const TITLE = '实例故障演练';

export async function instanceFaultDrill(o: { port: number; frontPort: number; writers: number; seconds: number }): Promise<FaultDrill> {
  const f = new Findings('写入高峰中一个实例被 kill -9');
  const keys = drillKeys();
  return onOwnCluster(f, 'hyedu-drill-instance-', o.port, async ({ cluster, servers, cleanups }) => {
    const platform = () => startPlatform({ keys, databaseUrl: cluster.url, env: { HYEDU_TRUSTED_PROXIES: '127.0.0.1' } });
    servers.push(...(await Promise.all([platform(), platform()])));
    const front = await startFront({
      upstreams: servers.map((s) => new URL(s.url).host),
      port: o.frontPort,
      dir: join(cluster.dir, 'front'),
    });
    cleanups.push(front.stop);
    const county = await signIn(front.url, 'hengnan');
    const schools = await ask<{ id: number }>(cluster, 'select id from schools where unit_code = $1 order by id limit 20', [HENGNAN]);

    const stream = streamWrites(
      county,
      schools.map((r) => r.id),
      TITLE,
      o.writers,
    );
    await sleep(o.seconds * 500);
    const killedAt = stream.elapsed();
    await servers[0]!.kill();
    await sleep(o.seconds * 500);
    const writes = await stream.end();

    const acked = writes.filter((w) => w.ok);
    const failed = writes.filter((w) => !w.ok);
    const after = acked.filter((w) => w.at > killedAt);
    f.figure(`${o.writers} 个写入者经负载均衡写 ${o.seconds} 秒，第 ${(killedAt / 1000).toFixed(1)} 秒 kill -9 实例一`);
    f.figure(
      `成功 ${acked.length} 次（其中被杀之后 ${after.length} 次），失败 ${failed.length} 次${failed.length ? `：${[...new Set(failed.map((w) => w.answer))].join('；')}` : ''}`,
    );
    f.check('另一个实例继续服务（被杀之后仍有写入成功）', after.length > 0);
    f.check(
      `失败的只是被杀实例手上的请求（≤ ${o.writers}），且都答中文`,
      failed.length <= o.writers && failed.every((w) => /[\u4e00-\u9fa5]/.test(w.answer)),
    );

    const rows = await ask<{ title: string }>(cluster, 'select title from safety_activities where title like $1', [`${TITLE}-%`]);
    const stored = new Set(rows.map((r) => r.title));
    const missing = acked.filter((w) => !stored.has(w.title)).length;
    const inDoubt = rows.length - (acked.length - missing);
    f.figure(`库中演练活动 ${rows.length} 条：已确认的 ${acked.length - missing} 条，未获确认而已写入 ${inDoubt} 条`);
    f.check('每一次确认成功的写入都在库中', missing === 0);
    f.check('未获确认而已写入的不多于失败的请求', inDoubt <= failed.length);
    const [audited] = await ask<{ n: string }>(cluster, "select count(*) as n from audit_log where action = 'safety.addActivity'");
    f.check(`每条活动都有审计记录（${audited!.n} 条）`, Number(audited!.n) === rows.length);

    servers.shift();
    const restarted = await platform();
    servers.push(restarted);
    const read = await county.at(restarted.url).queryRaw('safety.activities.list', { page: 1, pageSize: 20, q: TITLE });
    f.check(
      `重启的实例在同一数据上服务（读取答 ${read.status}）`,
      read.status === 200 && (await request(`${restarted.url}/api/health`)).status === 200,
    );
    await checkChain(f, { url: cluster.url }, keys.secrets);
  });
}
