// `pnpm bench:lists`: the large lists and the KPI views at full scale on PostgreSQL, behind the load balancer with two
// API instances (tools/scale), one client and twenty.
//   1. starts two instances together on a fresh database `hyedu_bench_lists` (full-size demo data) and nginx;
//   2. per view and user (a county: hengnan; the city's 科室): one client (p50/p99), then 20 clients × 10 requests
//      each (p50/p99), and the CPU the server side spent per request in that run: the machine's busy time (/proc/stat)
//      less the load generator's own (process.cpuUsage) — API instances, PostgreSQL and nginx together;
//   3. a model from those: on N cores, throughput ≈ N ÷ CPU per request and the 20-client p50 ≈ max(one client's p50,
//      20 × CPU per request ÷ N) (Little's law, the server CPU-bound; the load generator on other cores);
//   4. through the balancer, a mix of the views at 20 clients, one instance behind it and two alternately (each instance
//      warmed alike first), 5 rounds of 10 s each;
//      the answers compared across the instances;
//   5. the plans of the searches and the key-paged pages (EXPLAIN): each names the index it must use;
//   6. writes tools/bench/results/lists.md.
// Budgets (the scale-out issue): every view single-client p99 ≤ 60 ms and p99 ≤ 150 ms at 20 clients. The load
// generator shares this 2-core machine with the server: the 20-client figures here are the machine's, the model says
// what cores would give.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startFront } from '@hyedu/front';
import { sameResults } from '@hyedu/scale/checks';
import { Caller, signIn } from '@hyedu/scale/client';
import { startTopology } from '@hyedu/scale/topology';
import { pct } from './calls.ts';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'lists.md');
const PG_ADMIN = process.env.HYEDU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'hyedu_bench_lists';
const BUDGET = { one: 60, twenty: 150 };
const CLIENTS = 20;
const PER_CLIENT = 10;
/** Rounds of the throughput comparison, one instance and two alternately. */
const ROUNDS = 5;

interface View {
  name: string;
  path: string;
  input?: unknown;
  users: readonly string[];
}
const page = { page: 1, pageSize: 20 };
const VIEWS: readonly View[] = [
  { name: '隐患 第1页', path: 'safety.hazards.list', input: page, users: ['hengnan', 'safety'] },
  { name: '隐患 第200页（按偏移）', path: 'safety.hazards.list', input: { ...page, page: 200 }, users: ['safety'] },
  { name: '隐患 搜索“灭火器”（3字）', path: 'safety.hazards.list', input: { ...page, q: '灭火器' }, users: ['hengnan', 'safety'] },
  { name: '隐患 搜索“灭火”（2字）', path: 'safety.hazards.list', input: { ...page, q: '灭火' }, users: ['hengnan', 'safety'] },
  { name: '专项教育覆盖', path: 'safety.activities.coverage', users: ['hengnan', 'safety'] },
  { name: '教职员工 第1页', path: 'teachers.staff.list', input: page, users: ['hengnan', 'teachers'] },
  { name: '教职员工 搜索“张建国”（3字）', path: 'teachers.staff.list', input: { ...page, q: '张建国' }, users: ['teachers'] },
  { name: '教职员工 搜索“建国”（2字）', path: 'teachers.staff.list', input: { ...page, q: '建国' }, users: ['hengnan', 'teachers'] },
  { name: '年度考核 第1页', path: 'teachers.appraisal.list', input: page, users: ['teachers'] },
  { name: '发放名册 第1页', path: 'funding.aid.payments', input: { ...page, semester: '2022-2' }, users: ['hnzizhu', 'zizhu'] },
  { name: '驾驶舱 指标', path: 'dashboard.kpis', users: ['hengnan', 'leader'] },
  { name: '指标 未销号重大隐患（按县）', path: 'dashboard.kpi', input: { kpiId: 'safety.major-hazards-open' }, users: ['leader'] },
];

interface Row {
  view: string;
  user: string;
  one: { p50: number; p99: number };
  twenty: { p50: number; p99: number };
  cpuMs: number;
  error?: string;
}

/** Busy CPU of the whole machine in ms (/proc/stat: all but idle and iowait; 100 ticks a second). */
function machineBusyMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return (total - n[3]! - n[4]!) * 10;
}
const ownMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed(caller: Caller, path: string, input: unknown): Promise<number> {
  const t = performance.now();
  await caller.query(path, input);
  return performance.now() - t;
}

async function oneClient(caller: Caller, view: View) {
  await timed(caller, view.path, view.input);
  await timed(caller, view.path, view.input);
  const xs: number[] = [];
  for (let i = 0; i < 40; i++) xs.push(await timed(caller, view.path, view.input));
  return { p50: pct(xs, 50), p99: pct(xs, 99) };
}

async function twentyClients(callers: Caller[], view: View) {
  const xs: number[] = [];
  const busy = machineBusyMs();
  const own = ownMs();
  await Promise.all(
    callers.map(async (c) => {
      for (let i = 0; i < PER_CLIENT; i++) xs.push(await timed(c, view.path, view.input));
    }),
  );
  const cpuMs = (machineBusyMs() - busy - (ownMs() - own)) / xs.length;
  return { p50: pct(xs, 50), p99: pct(xs, 99), cpuMs: Math.max(cpuMs, 0) };
}

/** Requests a second through `base` for `seconds`, 20 clients cycling through the views. */
async function throughput(base: string, sessions: Map<string, string>, seconds: number) {
  const mix = VIEWS.flatMap((v) => v.users.map((u) => ({ v, caller: new Caller(base, sessions.get(u)!) })));
  let done = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, k) => {
      for (let i = k; performance.now() < end; i++) {
        const { v, caller } = mix[i % mix.length]!;
        try {
          await caller.query(v.path, v.input);
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { perSecond: done / seconds, errors };
}

/** The plan of a statement and whether it uses the named index. */
async function plan(client: pg.Client, label: string, query: string, index: string) {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off, summary on) ${query}`);
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
  return { label, index, uses: text.includes(index), ms, text };
}

const f = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

async function main() {
  const started = new Date().toISOString();
  const loadAtStart = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const url = new URL(PG_ADMIN);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const dir = join(tmpdir(), 'hyedu-bench-lists');
  console.log('启动两个实例（全量演示数据）与负载均衡…');
  const t = await startTopology({ databaseUrl, instances: 2, port: 18443, dir, fresh: true, seedScale: 1, rateLimit: 10_000_000 });
  const rows: Row[] = [];
  const notes: string[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    console.log(`就绪：${t.startSeconds.toFixed(1)} 秒`);
    await db.query('vacuum analyze');
    const users = [...new Set(VIEWS.flatMap((v) => v.users))];
    const sessions = new Map<string, string>();
    for (const u of users) sessions.set(u, (await signIn(t.url, u)).cookie);
    const at = (base: string, u: string) => new Caller(base, sessions.get(u)!);

    for (const view of VIEWS)
      for (const user of view.users) {
        const one = at(t.instances[0]!, user);
        try {
          const single = await oneClient(one, view);
          const many = await twentyClients(
            Array.from({ length: CLIENTS }, () => at(t.instances[0]!, user)),
            view,
          );
          rows.push({ view: view.name, user, one: single, twenty: many, cpuMs: many.cpuMs });
        } catch (e) {
          rows.push({
            view: view.name,
            user,
            one: { p50: NaN, p99: NaN },
            twenty: { p50: NaN, p99: NaN },
            cpuMs: NaN,
            error: (e as Error).message,
          });
        }
        const r = rows.at(-1)!;
        console.log(
          `  ${view.name.padEnd(22)} ${user.padEnd(8)} 1 连接 ${f(r.one.p50)} / ${f(r.one.p99)} ms；20 并发 ${f(r.twenty.p50)} / ${f(r.twenty.p99)} ms；CPU ${f(r.cpuMs)} ms/次${r.error ? `；错误 ${r.error}` : ''}`,
        );
      }

    // One instance behind a balancer of its own, then both behind the topology's: alternately, three times each.
    const single = await startFront({ upstreams: [new URL(t.instances[0]!).host], port: 18444, dir: join(dir, 'front-one') });
    const rounds: { one: number[]; two: number[]; errors: number } = { one: [], two: [], errors: 0 };
    try {
      // The views above ran on instance 1 alone: warm each instance alike first (its JIT, its connections' caches),
      // directly, then both through the balancer; a colder second instance made two look slower than one.
      for (const instance of t.instances) await throughput(instance, sessions, 10);
      await throughput(t.url, sessions, 10);
      for (let i = 0; i < ROUNDS; i++) {
        const a = await throughput(single.url, sessions, 10);
        const b = await throughput(t.url, sessions, 10);
        rounds.one.push(a.perSecond);
        rounds.two.push(b.perSecond);
        rounds.errors += a.errors + b.errors;
      }
    } finally {
      await single.stop();
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    if (rounds.errors) console.error(t.outputs().join('\n'));
    const one = { perSecond: median(rounds.one) };
    const two = { perSecond: median(rounds.two) };
    const same = await sameResults(t);
    notes.push(
      `吞吐（经负载均衡，20 客户端循环各视图，先直连每个实例各预热 10 秒、再经负载均衡 10 秒，然后 1 个与 2 个实例交替各 ${ROUNDS} 轮 × 10 秒，取中位数）：1 个实例 ${one.perSecond.toFixed(0)} 次/秒（${rounds.one.map((x) => x.toFixed(0)).join('、')}），2 个实例 ${two.perSecond.toFixed(0)} 次/秒（${rounds.two.map((x) => x.toFixed(0)).join('、')}），错误 ${rounds.errors}；本机 2 核由负载生成器、nginx、两个实例与 PostgreSQL 共用`,
      `一致性：${same.reads} 个查询经两个实例与负载均衡，结果不同的 ${same.differing.length} 个`,
    );

    const plans = [
      await plan(
        db,
        '隐患搜索（3字，全市）',
        `select count(*) from safety_hazards h where h.description like '%灭火器%' or h.school_id = any(array(select id from schools where name like '%灭火器%'))`,
        'safety_hazards_description_trgm_idx',
      ),
      await plan(
        db,
        '教职员工搜索（3字，全市）',
        `select count(*) from teacher_staff where left_on is null and name like '%张建国%'`,
        'teacher_staff_name_trgm_idx',
      ),
      await plan(
        db,
        '教职员工 按键翻页（第 n 页之后 20 条）',
        `select id from teacher_staff where left_on is null and (unit_code, school_id, id) > ('430422', 0, 0) order by unit_code, school_id, id limit 20`,
        'teacher_staff_unit_idx',
      ),
      await plan(
        db,
        '隐患 按键翻页（第 n 页之后 20 条）',
        `select id from safety_hazards where found_on <= '2022-06-01' and (found_on < '2022-06-01' or (found_on = '2022-06-01' and severity > 'major') or (found_on = '2022-06-01' and severity = 'major' and id < 1000000)) order by found_on desc, severity, id desc limit 20`,
        'safety_hazards_found_idx',
      ),
    ];
    for (const p of plans) notes.push(`执行计划：${p.label} ${p.uses ? '✓ 使用' : '✗ 未使用'} ${p.index}（${f(p.ms)} ms）`);

    const cores = [2, 4, 8, 16];
    const model = (r: Row) =>
      cores.map((n) => `${n}核 ${f((n * 1000) / r.cpuMs)}/秒 · p50≈${f(Math.max(r.one.p50, (CLIENTS * r.cpuMs) / n))}`).join('；');
    const verdict = (r: Row) =>
      r.error
        ? `✗ ${r.error}`
        : [
            r.one.p99 <= BUDGET.one ? '✓' : `✗ 1连接 p99 > ${BUDGET.one}`,
            r.twenty.p99 <= BUDGET.twenty ? '✓' : `✗ 20并发 p99 > ${BUDGET.twenty}`,
          ].join(' ');
    const md = [
      '# bench:lists — 大列表与指标视图（PostgreSQL，全量数据，两个实例经负载均衡）',
      '',
      `- 日期 ${started}；Node ${process.version}；负载生成器、nginx、两个 API 实例与 PostgreSQL 同在一台 2 核机器；开始时 loadavg ${loadAtStart}，结束时 ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
      `- 首次启动（两个实例同时启动，迁移与全量演示数据各一次）${t.startSeconds.toFixed(1)} 秒`,
      `- 预算：每个视图 1 连接 p99 ≤ ${BUDGET.one} ms，20 并发 p99 ≤ ${BUDGET.twenty} ms（直连实例 1）。CPU/次：20 并发时整机忙碌时间减去负载生成器自身，除以请求数（实例、PostgreSQL 与 nginx 合计）。`,
      `- 模型：N 核上吞吐 ≈ N × 1000 ÷ CPU/次（次/秒）；20 并发 p50 ≈ max(1 连接 p50, 20 × CPU/次 ÷ N)（服务器受 CPU 所限、负载生成器不占这 N 核）。`,
      ...notes.map((n) => `- ${n}`),
      '',
      '| 视图 | 用户 | 1 连接 p50 / p99 | 20 并发 p50 / p99 | CPU/次 | 模型（N 核：吞吐 · 20 并发 p50 ms） | 预算 |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.view} | ${r.user} | ${f(r.one.p50)} / ${f(r.one.p99)} ms | ${f(r.twenty.p50)} / ${f(r.twenty.p99)} ms | ${f(r.cpuMs)} ms | ${model(r)} | ${verdict(r)} |`,
      ),
      '',
      '## 执行计划',
      '',
      ...plans.flatMap((p) => [`### ${p.label}`, '', '```', p.text, '```', '']),
    ].join('\n');
    writeFileSync(RESULTS, md);
    console.log(`\n${md}\n已写入 ${RESULTS}`);
  } finally {
    await db.end();
    await t.stop();
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`drop database if exists ${DATABASE} with (force)`).finally(() => admin.end());
  }
}

await main();
