// PostgreSQL stopped and started again under the platform, mid-import and mid-request: the requests in flight and those
// made while it is down are answered 503 in Chinese; nothing of the import is written; once the database is back the
// same server serves again and the same file imports whole; the audit chain verifies.
import pg from 'pg';
import { DATABASE_UNAVAILABLE_MESSAGE, DEMO_AS_OF } from '@hyedu/db';
import { message, request, signIn, type Answer } from '@hyedu/scale/client';
import { ask, startCluster, stopCluster } from './clusters.ts';
import { hazardFile } from './hazard-file.ts';
import { drillKeys, HENGNAN, startPlatform, until } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';
import { checkChain, onOwnCluster } from './stage.ts';

export async function databaseFaultDrill(o: { port: number; rows: number }): Promise<FaultDrill> {
  const f = new Findings('数据库停止与重启（导入中、请求中）');
  const keys = drillKeys();
  return onOwnCluster(f, 'hyedu-drill-dbdown-', o.port, async ({ cluster, servers }) => {
    const server = await startPlatform({ keys, databaseUrl: cluster.url });
    servers.push(server);
    const county = await signIn(server.url, 'hengnan');
    const codes = (
      await ask<{ code: string }>(cluster, 'select code from schools where unit_code = $1 order by code limit 40', [HENGNAN])
    ).map((r) => r.code);
    const file = await hazardFile(county, codes, o.rows, DEMO_AS_OF, 'A');
    const hazards = async () => Number((await ask<{ n: string }>(cluster, 'select count(*) as n from safety_hazards'))[0]!.n);
    const before = await hazards();

    // The import's publish and a list read both wait on a lock the drill holds; then the database stops under them.
    const holder = new pg.Client({ connectionString: cluster.url });
    holder.on('error', () => undefined);
    await holder.connect();
    await holder.query('begin');
    // Writes to the hazards wait (reads do not: the import checks its rows against them and stages them first).
    await holder.query('lock table safety_hazards in exclusive mode');
    const upload = { fileName: '隐患清单.xlsx', base64: file, dryRun: false };
    const importing = county.mutateRaw('safety.hazards.import', upload);
    // Backends waiting on a lock whose query names `table` (the holder's own query names it too, but does not wait).
    const waitingOn = async (table: string) =>
      Number(
        (
          await ask<{ n: string }>(cluster, "select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query like $1", [
            `%${table}%`,
          ])
        )[0]!.n,
      );
    await until('导入在发布时等待', async () => (await waitingOn('safety_hazards')) >= 1);
    // Every read of the activities waits too.
    await holder.query('lock table safety_activities in access exclusive mode');
    const firstPage = { page: 1, pageSize: 20 };
    const reading = county.queryRaw('safety.activities.list', firstPage);
    await until('读取在等待', async () => (await waitingOn('safety_activities')) >= 1);
    const staged = Number((await ask<{ n: string }>(cluster, 'select count(*) as n from import_staging'))[0]!.n);
    f.figure(
      `停库时：导入已暂存 ${staged} 行、正在发布；一次列表读取在途（等锁的连接：导入 ${await waitingOn('safety_hazards')}、读取 ${await waitingOn('safety_activities')}）`,
    );
    stopCluster(cluster, 'fast');
    const [imported, read] = await Promise.all([importing, reading]);
    const unavailable = (a: Answer) => a.status === 503 && message(a) === DATABASE_UNAVAILABLE_MESSAGE;
    f.check(`在途的导入答 503：「${message(imported)}」`, unavailable(imported));
    // A read that was waiting on the lock may still finish: the stop ends the holder's transaction first, and a short
    // query can complete before its own connection is ended. Either answer is right; a half answer or a 500 is not.
    const page = read.status === 200 ? (JSON.parse(read.body) as { result: { data: { rows: unknown[] } } }).result.data.rows.length : null;
    f.check(
      `在途的读取：${page === null ? `答 ${read.status}「${message(read)}」` : `停库前已完成（200，整页 ${page} 条）`}`,
      unavailable(read) || page === firstPage.pageSize,
    );

    const t = performance.now();
    const whileDown = await county.queryRaw('safety.hazards.list', { page: 1, pageSize: 20 });
    const downMs = performance.now() - t;
    const health = await request(`${server.url}/api/health`);
    f.figure(`停库期间：一次读取 ${downMs.toFixed(0)} 毫秒答 ${whileDown.status}，健康检查答 ${health.status}`);
    f.check('停库期间的请求立即答 503（不挂起）', unavailable(whileDown) && downMs < 5000 && health.status === 503);

    const restarted = performance.now();
    startCluster(cluster);
    await until('数据库恢复后服务可用', async () => (await request(`${server.url}/api/health`)).status === 200);
    f.figure(`重启数据库到服务恢复：${((performance.now() - restarted) / 1000).toFixed(1)} 秒（同一服务进程，未重启）`);
    f.check('没有写入半截导入（隐患数不变）', (await hazards()) === before);

    const again = await county.mutateRaw('safety.hazards.import', upload);
    const answer = again.status === 200 ? (JSON.parse(again.body) as { result: { data: { imported: number } } }).result.data : null;
    f.check(`同一文件重新导入成功：${answer?.imported ?? message(again)} 行`, answer?.imported === o.rows);
    f.check(`隐患数正好多出 ${o.rows}`, (await hazards()) === before + o.rows);

    await checkChain(f, { url: cluster.url }, keys.secrets);
  });
}
