// What the fault drills on a PostgreSQL of their own (or a primary and a synchronous standby) share: the cluster made and removed, the servers and other parts
// they start stopped whatever happens, a failure reported with the servers' last output, and the chain checked.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, verifyAuditChain, type Secrets } from '@hyedu/db';
import type { Running } from '@hyedu/e2e/server';
import { drillFolder, replicationState, startPrimary, startSingle, startStandby, stopCluster, type Cluster } from './clusters.ts';
import { until } from './platform.ts';
import type { FaultDrill, Findings } from './report.ts';

export interface Stage {
  cluster: Cluster;
  /** Servers to stop at the end (and whose output a failure shows). */
  servers: Running[];
  /** Anything else to stop at the end (the balancer), last started first stopped. */
  cleanups: (() => Promise<void>)[];
}

export async function onOwnCluster(f: Findings, prefix: string, port: number, body: (stage: Stage) => Promise<void>): Promise<FaultDrill> {
  const dir = drillFolder(prefix);
  const stage: Partial<Stage> & Pick<Stage, 'servers' | 'cleanups'> = { servers: [], cleanups: [] };
  try {
    stage.cluster = startSingle(join(dir, 'pg'), port);
    await body(stage as Stage);
    return f.done();
  } catch (e) {
    for (const s of stage.servers) f.figure(`服务输出（末尾）：${s.output().slice(-2000)}`);
    return f.done(e);
  } finally {
    for (const stop of stage.cleanups.reverse()) await stop();
    for (const s of stage.servers) await s.stop();
    if (stage.cluster) stopCluster(stage.cluster, 'immediate');
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PairStage {
  primary: Cluster;
  standby: Cluster;
  /** Servers to stop at the end (and whose output a failure shows). */
  servers: Running[];
}

/** A primary and a synchronous standby of the drill's own (streaming and in sync before `body` runs), removed after. */
export async function onOwnPair(
  f: Findings,
  prefix: string,
  ports: [number, number],
  body: (stage: PairStage) => Promise<void>,
): Promise<FaultDrill> {
  const dir = drillFolder(prefix);
  const stage: Partial<PairStage> & Pick<PairStage, 'servers'> = { servers: [] };
  try {
    const primary = (stage.primary = startPrimary(join(dir, 'primary'), ports[0]));
    stage.standby = startStandby(primary, join(dir, 'standby'), ports[1]);
    await until('备用库同步复制', async () => (await replicationState(primary))?.sync === 'sync');
    await body(stage as PairStage);
    return f.done();
  } catch (e) {
    for (const s of stage.servers) f.figure(`服务输出（末尾）：${s.output().slice(-2000)}`);
    return f.done(e);
  } finally {
    for (const s of stage.servers) await s.stop();
    if (stage.standby) stopCluster(stage.standby, 'immediate');
    if (stage.primary) stopCluster(stage.primary, 'immediate');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The audit chain of a database, verified with the keys it was written with. */
export async function checkChain(f: Findings, target: { url?: string; dataDir?: string }, keys: Secrets): Promise<void> {
  const database = await openDatabase({ ...target, poolMax: 1, keys });
  try {
    const chain = await verifyAuditChain(database.db, keys.auditKey);
    f.check(`审计链完整（${chain.checked} 条）`, chain.ok);
  } finally {
    await database.close();
  }
}
