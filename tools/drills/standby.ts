// The platform reading its lists from a synchronous standby (clusters.ts): with the standby's replay paused, a county's
// new activity is in its own list at once (read from the primary: its browser wrote it) and not yet in another user's
// list (read from the standby), while that user's other reads (coverage) already count it; past the lag limit every
// list reads the primary; the standby killed under a stream of list reads costs no reader an error, and once it is
// started again the lists read it again.
import type { Running } from '@hyedu/e2e/server';
import { request, signIn, type Caller } from '@hyedu/scale/client';
import { ask, killCluster, replicationState, startCluster } from './clusters.ts';
import { activity, drillKeys, HENGNAN, sleep, startPlatform, until } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';
import { checkChain, onOwnPair } from './stage.ts';

const TITLE = '备用库读取演练';
const MAX_LAG_SECONDS = 3;

interface Health {
  status: string;
  standby?: { status: string; lagMs: number };
}
const health = async (server: Running): Promise<Health> => JSON.parse((await request(`${server.url}/api/health`)).body) as Health;

/** The drill titles a caller's activity list shows. */
async function listed(caller: Caller, q: string): Promise<string[]> {
  const page = await caller.query<{ rows: { title: string }[] }>('safety.activities.list', { page: 1, pageSize: 50, q });
  return page.rows.map((r) => r.title);
}

/** Reads in a loop until stopped: how many, and the answers that were not 200. */
function readers(callers: Caller[], q: string) {
  let stop = false;
  let reads = 0;
  const failures: string[] = [];
  const loops = callers.map(async (c) => {
    while (!stop) {
      const a = await c
        .queryRaw('safety.activities.list', { page: 1, pageSize: 20, q })
        .catch((e: Error) => ({ status: 0, body: e.message }));
      reads++;
      if (a.status !== 200) failures.push(`${a.status} ${a.body.slice(0, 120)}`);
    }
  });
  return {
    end: async () => {
      stop = true;
      await Promise.all(loops);
      return { reads, failures };
    },
  };
}

export async function standbyDrill(o: { ports: [number, number] }): Promise<FaultDrill> {
  const f = new Findings('列表从同步备用库读取：读己之写、滞后与备用库丢失');
  const keys = drillKeys();
  return onOwnPair(f, 'hyedu-drill-standby-', o.ports, async ({ primary, standby, servers }) => {
    const server = await startPlatform({
      keys,
      databaseUrl: primary.url,
      env: { DATABASE_STANDBY_URL: standby.url, HYEDU_STANDBY_MAX_LAG: String(MAX_LAG_SECONDS) },
    });
    servers.push(server);
    await until('实例看到备用库正常', async () => (await health(server)).standby?.status === 'up', 15_000);
    f.check('实例报告备用库正常（/api/health）', (await health(server)).standby?.status === 'up');

    const county = await signIn(server.url, 'hengnan');
    const city = await signIn(server.url, 'safety');
    // A school and a topic it has no activity of yet: the new one moves its county's coverage.
    const [school] = await ask<{ id: number; topic: string }>(
      primary,
      `select s.id, t.topic from schools s, (select distinct topic from safety_activities) t where s.unit_code = $1
         and not exists (select 1 from safety_activities a where a.school_id = s.id and a.topic = t.topic)
       order by s.id, t.topic limit 1`,
      [HENGNAN],
    );

    // Replay paused: the standby keeps receiving (commits still wait for it) but shows nothing new.
    await ask(standby, 'select pg_wal_replay_pause()');
    const coverageBefore = await city.query<unknown>('safety.activities.coverage');
    const title = `${TITLE}-读己之写`;
    const wrote = await county.mutateRaw('safety.activities.create', { ...activity(school!.id, title), topic: school!.topic });
    const writer = county.keep(wrote);
    const started = performance.now();
    const own = await listed(writer, title);
    const others = await listed(city, title);
    const coverageAfter = await city.query<unknown>('safety.activities.coverage');
    const within = (performance.now() - started) / 1000;
    f.figure(`备用库暂停回放后县里新增活动（${wrote.status}），${within.toFixed(2)} 秒内读取：`);
    f.check('写入者本人的列表立即显示它（读主库：浏览器记着写入位置）', wrote.status === 200 && own.includes(title));
    f.check('其他用户的列表暂不显示（读备用库，它尚未回放）', !others.includes(title) && within < MAX_LAG_SECONDS);
    f.check('其他读取（活动覆盖统计）读主库，已计入', JSON.stringify(coverageAfter) !== JSON.stringify(coverageBefore));

    await until('备用库被判为滞后', async () => (await health(server)).standby?.status === 'lagging', 15_000);
    const lagging = await health(server);
    f.figure(`回放仍暂停：实例测得备用库落后 ${((lagging.standby?.lagMs ?? 0) / 1000).toFixed(1)} 秒`);
    f.check(`滞后超过 ${MAX_LAG_SECONDS} 秒后所有列表改读主库，不报错`, (await listed(city, title)).includes(title));

    await ask(standby, 'select pg_wal_replay_resume()');
    await until('备用库恢复正常', async () => (await health(server)).standby?.status === 'up', 15_000);
    f.check('恢复回放后重新读取备用库，且显示该活动', (await listed(city, title)).includes(title));

    // The standby lost under a stream of list reads by three users.
    const callers = [city, county, await signIn(server.url, 'leader')];
    const stream = readers(callers, TITLE);
    await sleep(1500);
    killCluster(standby);
    await sleep(2500);
    const down = await health(server);
    const lost = await stream.end();
    f.figure(`三名用户持续读列表 4 秒，第 1.5 秒备用库进程全部被杀：读取 ${lost.reads} 次，失败 ${lost.failures.length} 次`);
    f.check('备用库丢失不使任何读取失败（改读主库）', lost.reads > 0 && lost.failures.length === 0);
    f.check('实例报告备用库不可用，自身仍正常（/api/health）', down.status === 'ok' && down.standby?.status === 'down');

    startCluster(standby);
    await until('备用库重新同步', async () => (await replicationState(primary))?.sync === 'sync', 30_000);
    await until('实例重新使用备用库', async () => (await health(server)).standby?.status === 'up', 15_000);
    const back = readers(callers, TITLE);
    await sleep(1000);
    const after = await back.end();
    f.check(`备用库重启后实例重新读取它，读取 ${after.reads} 次无失败`, after.reads > 0 && after.failures.length === 0);
    await checkChain(f, { url: primary.url }, keys.secrets);
  });
}
