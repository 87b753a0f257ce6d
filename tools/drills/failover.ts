// The failover drill on the drills' own clusters (clusters.ts): writers commit rows on the primary as fast as they can,
// the primary is lost mid-stream (its WAL sender paused, then every process killed), the standby is promoted, and every row whose
// commit was acknowledged must be there. Rows sent but not acknowledged when the primary went are in doubt either way.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  ask,
  drillFolder,
  killCluster,
  promote,
  replicationState,
  STANDBY_NAME,
  startPrimary,
  startStandby,
  stopCluster,
  type Cluster,
} from './clusters.ts';

export interface FailoverOptions {
  ports: [number, number];
  writers: number;
  /** How long the writers run before the primary is lost. */
  seconds: number;
  /** false: asynchronous replication, the control case (a lost primary may take acknowledged commits with it). */
  synchronous?: boolean;
}

export interface FailoverDrill {
  sync: string;
  acknowledged: number;
  found: number;
  lost: number;
  /** Rows on the promoted standby whose commit was not acknowledged (sent as the primary went). */
  inDoubt: number;
  promoteSeconds: number;
  writableAfter: boolean;
  passed: boolean;
}

export async function failoverDrill(o: FailoverOptions): Promise<FailoverDrill> {
  const dir = drillFolder('hyedu-drill-failover-');
  let primary: Cluster | undefined;
  let standby: Cluster | undefined;
  try {
    primary = startPrimary(join(dir, 'primary'), o.ports[0], o.synchronous ?? true);
    standby = startStandby(primary, join(dir, 'standby'), o.ports[1]);
    let state = await replicationState(primary);
    for (let i = 0; i < 50 && state?.sync !== ((o.synchronous ?? true) ? 'sync' : 'async'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await replicationState(primary);
    }
    const setup = new pg.Client({ connectionString: primary.url });
    await setup.connect();
    await setup.query('create table drill_writes (id bigserial primary key, writer int not null, n int not null)');
    await setup.end();

    const acknowledged: number[] = [];
    let stop = false;
    const writers = Array.from({ length: o.writers }, async (_, w) => {
      const c = new pg.Client({ connectionString: primary!.url });
      c.on('error', () => undefined);
      await c.connect();
      for (let n = 0; !stop; n++) {
        try {
          const { rows } = await c.query<{ id: string }>('insert into drill_writes (writer, n) values ($1, $2) returning id', [w, n]);
          acknowledged.push(Number(rows[0]!.id));
        } catch {
          break;
        }
      }
      await c.end().catch(() => undefined);
    });
    // Halfway, the primary stops sending (its WAL sender paused, as on a broken link) and is then lost with the host
    // (every process killed). Synchronous: commits wait for the standby, so none is acknowledged meanwhile.
    // Asynchronous (the control case): they are, and are lost with the primary.
    await new Promise((r) => setTimeout(r, o.seconds * 500));
    const sender = await walSender(primary);
    if (sender) process.kill(sender, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, o.seconds * 500));
    killCluster(primary);
    stop = true;
    await Promise.all(writers);

    const t = performance.now();
    await promote(standby);
    const promoteSeconds = (performance.now() - t) / 1000;
    const c = new pg.Client({ connectionString: standby.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ found: string; total: string }>(
        'select count(*) filter (where id = any($1::bigint[])) as found, count(*) as total from drill_writes',
        [acknowledged],
      );
      const found = Number(rows[0]!.found);
      const inDoubt = Number(rows[0]!.total) - found;
      await c.query('insert into drill_writes (writer, n) values (-1, 0)');
      const lost = acknowledged.length - found;
      return {
        sync: state?.sync ?? '无',
        acknowledged: acknowledged.length,
        found,
        lost,
        inDoubt,
        promoteSeconds,
        writableAfter: true,
        passed: acknowledged.length > 0 && lost === 0,
      };
    } finally {
      await c.end();
    }
  } finally {
    for (const c of [standby, primary]) if (c) stopCluster(c, 'immediate');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The primary's WAL sender process for the standby. */
async function walSender(primary: Cluster): Promise<number | null> {
  const [row] = await ask<{ pid: number }>(primary, 'select pid from pg_stat_replication where application_name = $1', [STANDBY_NAME]);
  return row?.pid ?? null;
}

export function describeFailover(d: FailoverDrill): string[] {
  return [
    `【主库丢失、备用库提升】复制方式 ${d.sync}；已确认提交 ${d.acknowledged} 行，提升后找到 ${d.found} 行，丢失 ${d.lost} 行；主库失去时在途未确认而已写入 ${d.inDoubt} 行`,
    `  提升 ${d.promoteSeconds.toFixed(1)} 秒，之后${d.writableAfter ? '可写' : '不可写'}`,
    `  ${d.passed ? 'PASS' : 'FAIL'} 主库丢失（${d.sync === 'sync' ? '同步' : '异步'}复制）：已确认的提交${d.lost ? `丢失 ${d.lost} 行` : '一行不丢'}`,
  ];
}
