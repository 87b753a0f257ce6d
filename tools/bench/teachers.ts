// `pnpm bench:teachers`: the teachers module's lists at full Hengyang scale, one client at a time.
//   1. starts the real server on an empty database, which loads the full-size demo data, the staff registry included
//      (~97,000 people in post with their hire entries, ~40 ethics cases, the 黑名单);
//   2. signs in as the city's 人事教师科 `teachers` and the county account `hengnan` (which holds the 师德 role) and calls
//      each list through the API (tRPC over HTTP, the same router, context and checks the pages use), and the KPI
//      drill-downs the registry feeds;
//   3. p50 / p99 at one connection, judged against p99 ≤ 60 ms; writes tools/bench/results/teachers.md.
// PostgreSQL at HYEDU_BENCH_PG_URL (default 127.0.0.1:5432; a database `hyedu_bench_teachers` is created and dropped),
// then PGlite; HYEDU_BENCH_ENGINE=postgresql runs PostgreSQL alone. There is no list procedure for the entries or the
// 黑名单 yet: they are read through the gate and the KPIs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api, serial, signIn, type Stat } from './calls.ts';
import { onBothEngines, startMeta } from './engines.ts';

const ENV = { HYEDU_RATE_LIMIT: '10000000', HYEDU_SEED_SCALE: '1', HYEDU_SERVE_STATIC: '0' };
const USERS = ['teachers', 'hengnan'] as const;
const P99_BUDGET = 60;
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'teachers.md');
const page = { page: 1, pageSize: 20 };
const VIEWS: readonly { name: string; path: string; input?: unknown; unit?: boolean }[] = [
  { name: '教职员工 第1页', path: 'teachers.staff.list', input: page },
  { name: '教职员工 第200页', path: 'teachers.staff.list', input: { ...page, page: 200 } },
  { name: '教职员工 搜索“建国”', path: 'teachers.staff.list', input: { ...page, q: '建国' } },
  { name: '教职员工 搜索“欧阳”', path: 'teachers.staff.list', input: { ...page, q: '欧阳' } },
  { name: '教职员工 代课', path: 'teachers.staff.list', input: { ...page, employment: 'substitute' } },
  { name: '教职员工 工勤', path: 'teachers.staff.list', input: { ...page, post: 'service' } },
  { name: '教职员工 一个县（衡南县）', path: 'teachers.staff.list', input: { ...page, unitCode: '430422' } },
  { name: '师德案件 第1页', path: 'teachers.ethics.list', input: page },
  { name: '师德案件 已结案', path: 'teachers.ethics.list', input: { ...page, status: 'closed' } },
  { name: '黑名单 第1页', path: 'teachers.ethics.blacklist', input: page },
  { name: '黑名单 在期', path: 'teachers.ethics.blacklist', input: { ...page, standing: 'active' } },
  { name: '编制概况', path: 'teachers.overview' },
  { name: '学校编制 第1页', path: 'teachers.schools', input: page },
  {
    name: '指标 准入查询覆盖率（按学校，衡南县）',
    path: 'dashboard.kpiSchools',
    input: { kpiId: 'teachers.admission-checks', unitCode: '430422' },
  },
  {
    name: '指标 信息完整率（按学校，衡南县）',
    path: 'dashboard.kpiSchools',
    input: { kpiId: 'teachers.staff-completeness', unitCode: '430422' },
  },
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
    database: 'hyedu_bench_teachers',
    env: ENV,
    meta,
    resultsFile: RESULTS,
    report: (m) =>
      [
        '# bench:teachers — 教师队伍模块列表视图（全量数据，单连接）',
        '',
        ...m.map((x) => `- ${x}`),
        `- 预算：每个视图单连接 p99 ≤ ${P99_BUDGET} ms（20 并发的预算属于扩容议题）。`,
        '- 准入记录没有列表页（只有导出，由准入关口与指标读取），不在表内。',
        '',
        '| 引擎 | 视图 | 用户 | 1 连接 p50 / p99 | 是否在预算内 |',
        '|---|---|---|---|---|',
        ...rows.map((r) => `| ${r.engine} | ${r.view} | ${r.user} | ${fmt(r.one)} | ${verdict(r)} |`),
      ].join('\n') + '\n',
  },
  async ({ engine, server, startSeconds }) => {
    console.log(`\n${engine}：首次启动并载入全量数据 ${startSeconds.toFixed(1)} 秒`);
    meta.push(`${engine}：首次启动（迁移 + 全量演示数据，含教职员工名册）${startSeconds.toFixed(1)} 秒`);
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
        console.log(`  ${engine} ${user.padEnd(8)} ${view.name.padEnd(24)} ${fmt(row.one)}  ${verdict(row)}`);
      }
    }
  },
);
