// `pnpm bench:province [--cities 10] [--fresh]`: the list and KPI views of a county user and a city user on one city's
// database and on a province's (PostgreSQL, full scale), one API instance each.
//   1. one city: a fresh database `hyedu_bench_city` with the full demo data;
//   2. a province: `hyedu_province` as `pnpm datagen:province --cities N` builds it (Hengyang and N − 1 copies of it,
//      the largest tables partitioned by county; built when missing or with --fresh, kept afterwards: it takes minutes);
//   3. per view: one client (2 to warm, then 100: p50/p99) and 20 clients × 5 requests (p50/p99), on each database;
//      a county user (衡南县: hengnan, hnzizhu for the aid roll) and a city user (on one city the 科室; in the province
//      衡阳市's bureau, an account scoped to its 14 units, the way a city sees its part of a province's database);
//   4. the plans of county-scoped reads of each partitioned table: the partitions they scan;
//   5. writes tools/bench/results/province.md. Goal (the scale-out issue): each view within 2× of its one-city figure.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ROOT, startServer, type Running } from '@hyedu/e2e/server';
import { signIn, type Caller } from '@hyedu/scale/client';
import { prepareDatabase } from '@hyedu/scale/topology';
import { pct } from './calls.ts';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'province.md');
const PG_ADMIN = process.env.HYEDU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CITY_DB = 'hyedu_bench_city';
const PROVINCE_DB = 'hyedu_province';
/** 衡阳市's bureau in the province (`pnpm datagen:province` makes an account per city). */
const CITY_ACCOUNT = 'city4304';
/** Hunan's cities: a province of 2 to 14. */
const MAX_CITIES = 14;
const RATIO = 2;
/** The API alone (no built pages needed), no rate limit in the way of the load. */
const SERVER_ENV = { HYEDU_SERVE_STATIC: '0', HYEDU_RATE_LIMIT: '10000000' };

const { values } = parseArgs({ options: { cities: { type: 'string', default: '10' }, fresh: { type: 'boolean', default: false } } });
const cities = Number(values.cities);

interface View {
  name: string;
  path: string;
  input?: unknown;
  /** The county user, and the city user on one city's database (the province's city user is CITY_ACCOUNT). */
  county?: string;
  city: string;
}
const page = { page: 1, pageSize: 20 };
const VIEWS: readonly View[] = [
  { name: '隐患 第1页', path: 'safety.hazards.list', input: page, county: 'hengnan', city: 'safety' },
  { name: '隐患 搜索“灭火器”', path: 'safety.hazards.list', input: { ...page, q: '灭火器' }, county: 'hengnan', city: 'safety' },
  { name: '专项教育覆盖', path: 'safety.activities.coverage', county: 'hengnan', city: 'safety' },
  { name: '教职员工 第1页', path: 'teachers.staff.list', input: page, county: 'hengnan', city: 'teachers' },
  { name: '教职员工 搜索“建国”', path: 'teachers.staff.list', input: { ...page, q: '建国' }, county: 'hengnan', city: 'teachers' },
  { name: '年度考核 第1页', path: 'teachers.appraisal.list', input: page, county: 'hengnan', city: 'teachers' },
  { name: '培训记录 第1页', path: 'teachers.training.records.list', input: page, county: 'hengnan', city: 'teachers' },
  { name: '发放名册 第1页', path: 'funding.aid.payments', input: { ...page, semester: '2022-2' }, county: 'hnzizhu', city: 'zizhu' },
  { name: '未匹配名单 第1页', path: 'funding.aid.unmatched', input: page, county: 'hnzizhu', city: 'zizhu' },
  { name: '驾驶舱 指标', path: 'dashboard.kpis', county: 'hengnan', city: 'leader' },
];

interface Figures {
  one: { p50: number; p99: number };
  twenty: { p50: number; p99: number };
}
type Key = `${string}|${'county' | 'city'}`;

async function timed(caller: Caller, view: View): Promise<number> {
  const t = performance.now();
  await caller.query(view.path, view.input);
  return performance.now() - t;
}

async function measure(callers: Caller[], view: View): Promise<Figures> {
  const first = callers[0]!;
  await timed(first, view);
  await timed(first, view);
  const single: number[] = [];
  for (let i = 0; i < 100; i++) single.push(await timed(first, view));
  const many: number[] = [];
  await Promise.all(
    callers.map(async (c) => {
      for (let i = 0; i < 5; i++) many.push(await timed(c, view));
    }),
  );
  return { one: { p50: pct(single, 50), p99: pct(single, 99) }, twenty: { p50: pct(many, 50), p99: pct(many, 99) } };
}

/** Every view for both users against one running server: `cityUser` replaces each view's city user when given. */
async function run(server: Running, label: string, cityUser?: string): Promise<Map<Key, Figures>> {
  const sessions = new Map<string, Caller[]>();
  const callers = async (user: string) => {
    // One sign-in per user (the login limit counts per address), its session shared by the 20 clients.
    if (!sessions.has(user)) {
      const signed = await signIn(server.url, user);
      sessions.set(
        user,
        Array.from({ length: 20 }, () => signed.at(server.url)),
      );
    }
    return sessions.get(user)!;
  };
  const out = new Map<Key, Figures>();
  for (const view of VIEWS)
    for (const [kind, user] of [
      ['county', view.county],
      ['city', cityUser ?? view.city],
    ] as const) {
      if (!user) continue;
      const figures = await measure(await callers(user), view);
      out.set(`${view.name}|${kind}`, figures);
      console.log(
        `  ${label} ${view.name.padEnd(14)} ${kind === 'county' ? '县' : '市'} ${user.padEnd(13)} 1 连接 ${f(figures.one.p50)} / ${f(figures.one.p99)} ms；20 并发 ${f(figures.twenty.p50)} / ${f(figures.twenty.p99)} ms`,
      );
    }
  return out;
}

const f = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const urlOf = (name: string) => {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
};

async function provinceReady(client: pg.Client): Promise<boolean> {
  const { rows } = await client
    .query<{ n: string }>(`select count(distinct left(code, 4)) as n from org_units`)
    .catch(() => ({ rows: [{ n: '0' }] }));
  return Number(rows[0]!.n) === cities;
}

/** The partitions a county-scoped read of each partitioned table scans (EXPLAIN ANALYZE: partitions never executed are not listed). */
async function partitionsRead(client: pg.Client, tables: readonly string[]) {
  const lines: string[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, costs off, timing off, summary on) select count(*) from ${table} where unit_code = any($1)`,
      [['430422']],
    );
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    const scanned = [...new Set(text.match(new RegExp(`${table}_(\\d{6}|default)`, 'g')))];
    const { rows: all } = await client.query<{ n: string }>(`select count(*) as n from pg_inherits where inhparent = $1::regclass`, [
      table,
    ]);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
    lines.push(`${table}：${all[0]!.n} 个分区中读 ${scanned.length} 个（${scanned.join('、')}），${f(ms)} ms`);
  }
  return lines;
}

async function main() {
  if (!Number.isInteger(cities) || cities < 2 || cities > MAX_CITIES) throw new Error(`--cities 应为 2–${MAX_CITIES}`);
  const started = new Date().toISOString();
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const loadAtStart = load();
  const dir = join(tmpdir(), 'hyedu-bench-province');

  console.log('一个市：全新数据库，全量演示数据…');
  await prepareDatabase(urlOf(CITY_DB), true);
  const cityServer = await startServer(join(dir, 'city'), { DATABASE_URL: urlOf(CITY_DB), HYEDU_SEED_SCALE: '1', ...SERVER_ENV });
  let oneCity: Map<Key, Figures>;
  try {
    const c = new pg.Client({ connectionString: urlOf(CITY_DB) });
    await c.connect();
    await c.query('vacuum analyze').finally(() => c.end());
    oneCity = await run(cityServer, '一市');
  } finally {
    await cityServer.stop();
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`drop database if exists ${CITY_DB} with (force)`).finally(() => admin.end());
  }

  await prepareDatabase(urlOf(PROVINCE_DB), values.fresh);
  let client = new pg.Client({ connectionString: urlOf(PROVINCE_DB) });
  await client.connect();
  if (!(await provinceReady(client))) {
    await client.end();
    console.log(`省级数据：${cities} 个市（pnpm datagen:province）…`);
    await prepareDatabase(urlOf(PROVINCE_DB), true);
    const built = spawnSync('npx', ['tsx', 'tools/datagen/province-run.ts', '--cities', String(cities)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: urlOf(PROVINCE_DB) },
    });
    if (built.status !== 0) throw new Error('省级数据生成失败');
    client = new pg.Client({ connectionString: urlOf(PROVINCE_DB) });
    await client.connect();
  }
  let province: Map<Key, Figures>;
  let partitions: string[];
  let partitioned: string[] = [];
  let size: string;
  try {
    const accounts = spawnSync('npx', ['tsx', 'tools/datagen/province-run.ts', '--accounts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: urlOf(PROVINCE_DB) },
    });
    if (accounts.status !== 0) throw new Error('市教育局账号创建失败');
    const { rows: parents } = await client.query<{ relname: string }>(
      `select relname from pg_class where relkind = 'p' and relnamespace = 'public'::regnamespace order by 1`,
    );
    partitioned = parents.map((r) => r.relname);
    partitions = await partitionsRead(client, partitioned);
    size = (await client.query<{ s: string }>('select pg_size_pretty(pg_database_size(current_database())) as s')).rows[0]!.s;
    const server = await startServer(join(dir, 'province'), { DATABASE_URL: urlOf(PROVINCE_DB), ...SERVER_ENV });
    try {
      province = await run(server, '全省', CITY_ACCOUNT);
    } finally {
      await server.stop();
    }
  } finally {
    await client.end();
  }

  const rows = VIEWS.flatMap((v) =>
    (['county', 'city'] as const).flatMap((kind) => {
      const a = oneCity.get(`${v.name}|${kind}`);
      const b = province.get(`${v.name}|${kind}`);
      if (!a || !b) return [];
      const r50 = b.one.p50 / a.one.p50;
      const r99 = b.one.p99 / a.one.p99;
      const ok = r50 <= RATIO && r99 <= RATIO;
      return [
        `| ${v.name} | ${kind === 'county' ? '县（衡南县）' : '市（衡阳市）'} | ${f(a.one.p50)} / ${f(a.one.p99)} | ${f(b.one.p50)} / ${f(b.one.p99)} | ${r50.toFixed(2)}× / ${r99.toFixed(2)}× | ${f(a.twenty.p50)} / ${f(a.twenty.p99)} | ${f(b.twenty.p50)} / ${f(b.twenty.p99)} | ${ok ? '✓' : `✗ > ${RATIO}×`} |`,
      ];
    }),
  );
  const md = [
    `# bench:province — 县、市用户的列表与指标视图：一个市 vs. ${cities} 个市的省级数据库（PostgreSQL，全量）`,
    '',
    `- 日期 ${started}；Node ${process.version}；一个 API 实例、PostgreSQL 与负载生成器同在一台 2 核机器；开始时 loadavg ${loadAtStart}，结束时 ${load()}`,
    `- 省级数据库：衡阳市的演示数据 + ${cities - 1} 个市（各为衡阳市记录的复本，单位代码与 id 各归其市；tools/datagen/province.ts），${size}；最大的 ${partitioned.length} 张表按县 LIST 分区`,
    '- 市用户：一个市的库里是各科室（全市范围）；省级库里是衡阳市教育局的账号，授权范围为本市 14 个单位（角色模型中市级角色看到整个库，省级部署里一个市即其各单位）',
    `- 目标：每个视图省级库的单连接 p50 与 p99 都不超过一个市的 ${RATIO} 倍`,
    '',
    '| 视图 | 用户 | 一个市 1 连接 p50 / p99 ms | 全省 1 连接 p50 / p99 ms | 倍数 p50 / p99 | 一个市 20 并发 p50 / p99 ms | 全省 20 并发 p50 / p99 ms | 目标 |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## 按县读取只扫描本县分区（EXPLAIN ANALYZE，衡南县 430422）',
    '',
    ...partitions.map((p) => `- ${p}`),
    '',
  ].join('\n');
  writeFileSync(RESULTS, md);
  console.log(`\n${md}\n已写入 ${RESULTS}`);
}

await main();
