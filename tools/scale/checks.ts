// What the topology must show: every instance (and the balancer) answers the same; a write through one instance is seen
// by the others within the freshness rule; per-address limits hold across instances.
import pg from 'pg';
import { Caller, signIn } from './client.ts';
import type { Topology } from './topology.ts';

/** The freshness rule: after a write, every instance shows the new figure within this many milliseconds. */
export const FRESHNESS_MS = 1_000;

/** Reads compared across instances: the dashboard, one KPI's league table and a few lists of every module. */
const READS: [string, unknown][] = [
  ['dashboard.kpis', undefined],
  ['dashboard.kpi', { kpiId: 'safety.major-hazards-open' }],
  ['safety.hazards.list', { page: 1, pageSize: 20 }],
  ['safety.activities.coverage', undefined],
  ['privateEdu.conversions.list', { page: 1, pageSize: 20 }],
  ['teachers.staff.list', { page: 1, pageSize: 20 }],
  ['funding.aid.summary', { semester: '2022-2' }],
];

/** The rollup's own time differs per instance (each computed it); everything else must be equal. */
const withoutTimes = (body: unknown) => JSON.stringify(body, (k, v: unknown) => (k === 'asOf' ? undefined : v));

/** Reads each of READS through every instance and the balancer as `username`; the reads whose answers differ. */
export async function sameResults(t: Topology, username = 'leader'): Promise<{ reads: number; differing: string[] }> {
  const caller = await signIn(t.url, username);
  const differing: string[] = [];
  for (const [path, input] of READS) {
    const answers = await Promise.all([t.url, ...t.instances].map((base) => caller.at(base).query(path, input).then(withoutTimes)));
    if (new Set(answers).size !== 1) differing.push(path);
  }
  return { reads: READS.length, differing };
}

/** The school account's school (its grant), read from the database. */
async function schoolOf(databaseUrl: string, username: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ grants: { schoolId?: number }[] }>('select grants from accounts where username = $1', [username]);
    const id = rows[0]?.grants.find((g) => g.schoolId)?.schoolId;
    if (!id) throw new Error(`${username} 没有学校授权`);
    return id;
  } finally {
    await client.end();
  }
}

export interface Freshness {
  /** Per round: milliseconds from the write's answer (instance A) until instance B showed the new figure. */
  delays: number[];
  /** Rounds in which B did not show it within the freshness rule. */
  late: number;
}

/**
 * Writes through one instance and reads through another, `rounds` times: a school reports a major hazard through
 * `writer`; the leadership's 未销号重大隐患数 is read through `reader` (which has the figure in memory from the read
 * before) until it is one higher. Polls every 10 ms, gives up after 5 s.
 */
export async function freshness(t: Topology, databaseUrl: string, rounds = 10): Promise<Freshness> {
  const [writerUrl, readerUrl] = [t.instances[0]!, t.instances[1] ?? t.instances[0]!];
  const school = await signIn(writerUrl, 'school');
  const leader = await signIn(readerUrl, 'leader');
  const schoolId = await schoolOf(databaseUrl, 'school');
  const today = (await leader.query<{ asOfDate: string }>('dashboard.kpi', { kpiId: 'safety.major-hazards-open' })).asOfDate;
  const figure = async () =>
    (await leader.query<{ total: { num: number | null } }>('dashboard.kpi', { kpiId: 'safety.major-hazards-open' })).total.num ?? 0;
  const delays: number[] = [];
  let late = 0;
  for (let i = 0; i < rounds; i++) {
    const before = await figure();
    await school.mutate('safety.hazards.create', {
      schoolId,
      source: 'self',
      category: 'fire',
      severity: 'major',
      foundOn: today,
      location: `实验楼${i + 1}层`,
      description: '消防通道被杂物堵塞（跨实例时效测试）',
      responsiblePerson: '张建国',
    });
    const written = performance.now();
    let seen = -1;
    while (performance.now() - written < 5_000) {
      if ((await figure()) === before + 1) {
        seen = performance.now() - written;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    if (seen < 0 || seen > FRESHNESS_MS) late++;
    delays.push(seen < 0 ? Infinity : seen);
  }
  return { delays, late };
}

/**
 * The login limit per client address holds across instances: attempts from one address (named by the trusted
 * balancer's X-Forwarded-For) alternate between the instances; the attempt after `max` is refused on either.
 */
export async function sharedLoginLimit(t: Topology, max: number): Promise<{ refusedAt: number | null }> {
  const from = { 'x-forwarded-for': '10.20.30.40' };
  for (let i = 1; i <= max + 1; i++) {
    const caller = new Caller(t.instances[i % t.instances.length]!, '', from);
    const a = await caller.mutateRaw('auth.login', { username: `nobody${i}`, password: 'wrong-password' });
    if (a.status === 429) return { refusedAt: i };
  }
  return { refusedAt: null };
}

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)]!;
