// `pnpm bench:private-edu`: the private-education module's list views at full Hengyang scale, one client at a time.
//   1. starts the real server on an empty database, which loads the full-size demo data (~2,520 schools in three
//      学年初 censuses, ~1,000 private-school entries, ~110 levers, ~36 公参民 cases with their teachers);
//   2. signs in as the city's 民办教育科 `privedu` and the county account `hengnan` and calls each view through the API
//      (tRPC over HTTP, the same router, context and checks the pages use);
//   3. p50 / p99 at one connection, judged against p99 ≤ 60 ms; writes tools/bench/results/private-edu.md.
// PostgreSQL at HYEDU_BENCH_PG_URL (default 127.0.0.1:5432; a database `hyedu_bench_private` is created and dropped),
// then PGlite; HYEDU_BENCH_ENGINE=postgresql runs PostgreSQL alone. Concurrency belongs to the scale-out bench.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api, serial, signIn, type Stat } from './calls.ts';
import { onBothEngines, startMeta } from './engines.ts';

const ENV = { HYEDU_RATE_LIMIT: '10000000', HYEDU_SEED_SCALE: '1', HYEDU_SERVE_STATIC: '0' };
const USERS = ['privedu', 'hengnan'] as const;
const P99_BUDGET = 60;
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'private-edu.md');
const page = { page: 1, pageSize: 20 };
const VIEWS: readonly { name: string; path: string; input?: unknown }[] = [
  { name: '概况（最近一次统计，含预测）', path: 'privateEdu.overview' },
  { name: '概况（2020-2021 统计）', path: 'privateEdu.overview', input: { year: '2020-2021' } },
  { name: '调减台账', path: 'privateEdu.levers.ledger' },
  { name: '调减措施 第1页', path: 'privateEdu.levers.list', input: page },
  { name: '调减措施 计划中+购买学位', path: 'privateEdu.levers.list', input: { ...page, status: 'planned', kind: 'purchase' } },
  { name: '调减措施 搜索“实验”', path: 'privateEdu.levers.list', input: { ...page, q: '实验' } },
  { name: '公参民治理案 第1页', path: 'privateEdu.conversions.list', input: page },
  { name: '年检 第1页', path: 'privateEdu.inspections.list', input: page },
  { name: '民办学校 第1页', path: 'privateEdu.profiles.list', input: page },
  { name: '民办学校 第20页', path: 'privateEdu.profiles.list', input: { ...page, page: 20 } },
  { name: '民办学校 公参民', path: 'privateEdu.profiles.list', input: { ...page, gcm: true } },
  { name: '民办学校 搜索“幼儿园”', path: 'privateEdu.profiles.list', input: { ...page, q: '幼儿园' } },
  { name: '办学许可事项 第1页', path: 'privateEdu.licences.list', input: page },
  { name: '普惠园认定 第1页', path: 'privateEdu.puhui.list', input: page },
  { name: '学年初统计 第1页', path: 'privateEdu.census.list', input: page },
  { name: '学年初统计 第20页', path: 'privateEdu.census.list', input: { ...page, page: 20 } },
  { name: '学前人口与毛入园率', path: 'privateEdu.preschool.list', input: {} },
  { name: '保教费 第1页', path: 'privateEdu.fees.list', input: page },
  { name: '保教费 超限', path: 'privateEdu.fees.list', input: { ...page, overCap: true } },
];

interface Row {
  engine: string;
  view: string;
  user: string;
  one: Stat | null;
  error?: string;
}
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const fmt = (s: Stat | null) => (s ? `${ms(s.p50)} / ${ms(s.p99)} ms (n=${s.n})` : '—');
const verdict = (r: Row) => (r.error ? `✗ 错误：${r.error}` : !r.one ? '—' : r.one.p99 <= P99_BUDGET ? '✓' : `✗ p99 > ${P99_BUDGET} ms`);

const rows: Row[] = [];
const meta = startMeta();
await onBothEngines(
  {
    database: 'hyedu_bench_private',
    env: ENV,
    meta,
    resultsFile: RESULTS,
    report: (m) =>
      [
        '# bench:private-edu — 民办教育模块列表视图（全量数据，单连接）',
        '',
        ...m.map((x) => `- ${x}`),
        `- 预算：每个视图单连接 p99 ≤ ${P99_BUDGET} ms（20 并发的预算属于扩容议题）。`,
        '',
        '| 引擎 | 视图 | 用户 | 1 连接 p50 / p99 | 是否在预算内 |',
        '|---|---|---|---|---|',
        ...rows.map((r) => `| ${r.engine} | ${r.view} | ${r.user} | ${fmt(r.one)} | ${verdict(r)} |`),
      ].join('\n') + '\n',
  },
  async ({ engine, server, startSeconds }) => {
    console.log(`\n${engine}：首次启动并载入全量数据 ${startSeconds.toFixed(1)} 秒`);
    meta.push(`${engine}：首次启动（迁移 + 全量演示数据）${startSeconds.toFixed(1)} 秒`);
    for (const user of USERS) {
      const api = new Api(server.url, await signIn(server.url, user));
      for (const view of VIEWS) {
        const url = api.url(view.path, view.input);
        const row: Row = { engine, view: view.name, user, one: null };
        try {
          row.one = await serial(() => api.timed(url));
        } catch (e) {
          row.error = (e as Error).message;
        }
        rows.push(row);
        console.log(`  ${engine} ${user.padEnd(7)} ${view.name.padEnd(24)} ${fmt(row.one)}  ${verdict(row)}`);
      }
    }
  },
);
