// The load drill: the whole platform as it runs in production (two API instances over PostgreSQL behind the balancer,
// tools/scale), many users at once — 80 % reads of the views people open most, 20 % new records — for a while, then a
// spike of several times as many; repeated so memory can be watched across runs. Afterwards the data is checked exactly:
// every acknowledged write is stored once, each with its audit record, nothing else was written, the chain verifies.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '@hyedu/e2e/server';
import { message, signIn, type Caller } from '@hyedu/scale/client';
import { startTopology } from '@hyedu/scale/topology';
import { pct } from './calls.ts';

export interface LoadOptions {
  databaseUrl: string;
  /** The balancer's port. */
  port: number;
  dir: string;
  clients: number;
  seconds: number;
  spikeClients: number;
  spikeSeconds: number;
  runs: number;
  seedScale: number;
  /**
   * How much an instance may grow after the warm-up run and still count as flat (MB; default 50, or a tenth of the
   * largest instance). Runs of a few seconds need more: resident memory then moves with the garbage collector's timing.
   */
  memoryToleranceMb?: number;
}

export interface Phase {
  clients: number;
  seconds: number;
  requests: number;
  writes: number;
  /** Answers other than 200 (or no answer), by what they said. */
  errors: Record<string, number>;
  overFiveSeconds: number;
  p50: number;
  p99: number;
  maxMs: number;
  perSecond: number;
  /** Each call's share: how many, p50, p99 and the longest (ms). */
  calls: Record<string, { n: number; p50: number; p99: number; maxMs: number }>;
}

export interface LoadRun {
  steady: Phase;
  spike: Phase;
  /** Resident memory of each instance after the run (MB). */
  rssMb: number[];
}

export interface LoadDrill {
  runs: LoadRun[];
  acknowledged: number;
  stored: number;
  audited: number;
  chain: { ok: boolean; checked: number };
  /** The largest growth of an instance from the second run's end (the first warms up) to the last's (MB). */
  memoryGrowthMb: number;
  passed: boolean;
}

const page = { page: 1, pageSize: 20 };
/** What people open most, by whom: the reads of the mix. */
const READS: readonly { user: string; path: string; input?: unknown }[] = [
  { user: 'leader', path: 'dashboard.kpis' },
  { user: 'leader', path: 'plan.tasks.list', input: { year: 2022 } },
  { user: 'safety', path: 'safety.hazards.list', input: page },
  { user: 'safety', path: 'safety.activities.coverage' },
  { user: 'hengnan', path: 'safety.hazards.list', input: page },
  { user: 'hengnan', path: 'safety.activities.list', input: page },
  { user: 'hengnan', path: 'teachers.staff.list', input: page },
  { user: 'teachers', path: 'teachers.staff.list', input: page },
  { user: 'hnzizhu', path: 'funding.aid.payments', input: { ...page, semester: '2022-2' } },
  { user: 'school', path: 'safety.hazards.list', input: page },
];
/** The writers: counties recording the safety activities their schools held. */
const WRITERS = [
  { user: 'hengnan', unit: '430422' },
  { user: 'leiyang', unit: '430481' },
];
const TITLE = '负载演练';
/** The largest of many figures (spreading 100,000 of them into Math.max overflows the stack). */
const longest = (xs: readonly number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
const FIVE_SECONDS = 5_000;

/** A small deterministic generator (mulberry32): the same mix of reads and writes on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Actors {
  readers: Map<string, Caller>;
  writers: { caller: Caller; schools: number[] }[];
}

async function phase(actors: Actors, label: string, clients: number, seconds: number, acked: string[]): Promise<Phase> {
  const latencies: number[] = [];
  const byCall = new Map<string, number[]>();
  const errors: Record<string, number> = {};
  let writes = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async (c: number) => {
    const next = random(c + 1);
    for (let n = 0; performance.now() < deadline; n++) {
      const t = performance.now();
      let answer: { status: number; body: string } | Error;
      let title: string | undefined;
      let call = 'safety.activities.create';
      if (next() < 0.8) {
        const read = READS[Math.floor(next() * READS.length)]!;
        call = `${read.path}（${read.user}）`;
        answer = await actors.readers
          .get(read.user)!
          .queryRaw(read.path, read.input)
          .catch((e: Error) => e);
      } else {
        const w = actors.writers[Math.floor(next() * actors.writers.length)]!;
        title = `${TITLE}-${label}-${c}-${n}`;
        const school = w.schools[Math.floor(next() * w.schools.length)]!;
        const input = { schoolId: school, topic: 'drowning', heldOn: '2022-11-30', title, participants: 40 };
        answer = await w.caller.mutateRaw('safety.activities.create', input).catch((e: Error) => e);
        writes++;
      }
      const ms = performance.now() - t;
      latencies.push(ms);
      if (!byCall.has(call)) byCall.set(call, []);
      byCall.get(call)!.push(ms);
      if (answer instanceof Error || answer.status !== 200) {
        const what = answer instanceof Error ? answer.message : `${answer.status} ${message(answer as never)}`;
        errors[what] = (errors[what] ?? 0) + 1;
      } else if (title) acked.push(title);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    clients,
    seconds,
    requests: latencies.length,
    writes,
    errors,
    overFiveSeconds: latencies.filter((ms) => ms > FIVE_SECONDS).length,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    maxMs: longest(latencies),
    perSecond: latencies.length / seconds,
    calls: Object.fromEntries(
      [...byCall].map(([call, ms]) => [call, { n: ms.length, p50: pct(ms, 50), p99: pct(ms, 99), maxMs: longest(ms) }]),
    ),
  };
}

/** The audit chain, verified by the operators' own command (`pnpm db audit verify`) with the topology's keys. */
function verifyChain(o: LoadOptions): { ok: boolean; checked: number } {
  const keys = JSON.parse(readFileSync(join(o.dir, 'keys.json'), 'utf8')) as Record<string, string>;
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['libs/db/src/cli.ts', 'audit', 'verify'], {
    cwd: ROOT,
    env: { ...process.env, ...keys, DATABASE_URL: o.databaseUrl },
    encoding: 'utf8',
  });
  const checked = /已校验 (\d+) 条/.exec(run.stdout)?.[1];
  return { ok: run.status === 0 && checked !== undefined, checked: Number(checked ?? 0) };
}

/** Resident memory of an instance: its tsx process and the server process under it (MB). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const out = execFileSync('ps', ['-o', 'rss=', '-p', String(pid), '--ppid', String(pid)], { encoding: 'utf8' });
  return out.split('\n').reduce((a, l) => a + (Number(l.trim()) || 0), 0) / 1024;
}

export async function loadDrill(o: LoadOptions, log: (line: string) => void = () => undefined): Promise<LoadDrill> {
  const t = await startTopology({
    databaseUrl: o.databaseUrl,
    instances: 2,
    port: o.port,
    dir: o.dir,
    fresh: true,
    seedScale: o.seedScale,
    rateLimit: 10_000_000,
  });
  const db = new pg.Client({ connectionString: o.databaseUrl });
  await db.connect();
  try {
    log(`两个实例已启动（${t.startSeconds.toFixed(0)} 秒，演示数据 ${o.seedScale * 100}%），经负载均衡 ${t.url}`);
    const readers = new Map<string, Caller>();
    for (const user of new Set(READS.map((r) => r.user))) readers.set(user, await signIn(t.url, user));
    const writers = await Promise.all(
      WRITERS.map(async (w) => ({
        caller: await signIn(t.url, w.user),
        schools: (await db.query<{ id: number }>('select id from schools where unit_code = $1', [w.unit])).rows.map((r) => r.id),
      })),
    );
    const acked: string[] = [];
    const runs: LoadRun[] = [];
    for (let r = 1; r <= o.runs; r++) {
      const steady = await phase({ readers, writers }, `${r}a`, o.clients, o.seconds, acked);
      const spike = await phase({ readers, writers }, `${r}b`, o.spikeClients, o.spikeSeconds, acked);
      const run = { steady, spike, rssMb: t.pids.map(rssMb) };
      runs.push(run);
      log(
        `第 ${r} 轮：${describePhase(steady)}；高峰 ${describePhase(spike)}；内存 ${run.rssMb.map((m) => `${m.toFixed(0)} MB`).join(' / ')}`,
      );
      for (const line of describeCalls(spike)) log(line);
    }
    const stored = Number(
      (await db.query<{ n: string }>('select count(*) as n from safety_activities where title like $1', [`${TITLE}-%`])).rows[0]!.n,
    );
    const audited = Number(
      (
        await db.query<{ n: string }>(
          "select count(*) as n from audit_log where action = 'safety.addActivity' and after->>'title' like $1",
          [`${TITLE}-%`],
        )
      ).rows[0]!.n,
    );
    const chain = verifyChain(o);
    // The first run warms the instances up (compiled code, pools, caches): memory is flat if it does not grow after it.
    const growth = Math.max(...runs.at(-1)!.rssMb.map((m, i) => m - runs[Math.min(1, runs.length - 1)]!.rssMb[i]!));
    const phases = runs.flatMap((r) => [r.steady, r.spike]);
    const clean = phases.every((p) => Object.keys(p.errors).length === 0 && p.overFiveSeconds === 0);
    const flat = o.runs < 3 || growth <= Math.max(o.memoryToleranceMb ?? 50, runs[0]!.rssMb.reduce((a, b) => Math.max(a, b), 0) * 0.1);
    return {
      runs,
      acknowledged: acked.length,
      stored,
      audited,
      chain: { ok: chain.ok, checked: chain.checked },
      memoryGrowthMb: growth,
      passed: clean && stored === acked.length && audited === acked.length && chain.ok && flat,
    };
  } finally {
    await db.end();
    await t.stop();
  }
}

export function describePhase(p: Phase): string {
  const errors = Object.entries(p.errors);
  return (
    `${p.clients} 个客户端 ${p.seconds} 秒 ${p.requests} 次（写 ${p.writes}，${p.perSecond.toFixed(0)} 次/秒），` +
    `p50 ${p.p50.toFixed(0)} / p99 ${p.p99.toFixed(0)} / 最长 ${p.maxMs.toFixed(0)} 毫秒，超过 5 秒 ${p.overFiveSeconds} 次，` +
    `错误 ${errors.length ? errors.map(([w, n]) => `${w} ×${n}`).join('；') : 0}`
  );
}

/** A phase's calls, slowest first (p99). */
export function describeCalls(p: Phase): string[] {
  return Object.entries(p.calls)
    .sort((a, b) => b[1].p99 - a[1].p99)
    .map(([call, c]) => `  ${call}：${c.n} 次，p50 ${c.p50.toFixed(0)} / p99 ${c.p99.toFixed(0)} / 最长 ${c.maxMs.toFixed(0)} 毫秒`);
}

export function describeLoad(d: LoadDrill): string[] {
  return [
    `已确认的写入 ${d.acknowledged} 次；库中演练记录 ${d.stored} 条；其审计记录 ${d.audited} 条；审计链${d.chain.ok ? '完整' : '断裂'}（${d.chain.checked} 条）`,
    `内存：第二轮后（第一轮为预热）到最后一轮后，增长最多的实例 ${d.memoryGrowthMb.toFixed(0)} MB`,
    d.passed ? 'PASS：负载演练' : 'FAIL：负载演练',
  ];
}
