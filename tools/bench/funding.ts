// `pnpm bench:funding`: the funding module's list views at full Hengyang scale, one client at a time.
//   1. starts the real server on an empty database, which loads the full-size demo data (the enrolment base's three
//      censuses, three years of spending returns for every budget unit, the seat projects of every county and the seven
//      named projects with their milestones and photos);
//   2. signs in as the city's 计划财务科 `funding`, the county account `hengnan` and the aid roles `zizhu` (city) and
//      `hnzizhu` (衡南县) and calls each view through the API; then times the 学生资助 matching run (three runs);
//   3. p50 / p99 at one connection, judged against p99 ≤ 60 ms (`list-views.ts`); writes tools/bench/results/funding.md.
// PostgreSQL at HYEDU_BENCH_PG_URL (default 127.0.0.1:5432; a database `hyedu_bench_funding` is created and dropped),
// then PGlite; HYEDU_BENCH_ENGINE=postgresql runs PostgreSQL alone.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api } from './calls.ts';
import { benchListViews, type ListView } from './list-views.ts';

const page = { page: 1, pageSize: 20 };
const VIEWS: readonly ListView[] = [
  { name: '决算填报 第1页', path: 'funding.spending.list', input: page },
  { name: '决算填报 2021年', path: 'funding.spending.list', input: { ...page, fiscalYear: 2021 } },
  { name: '两个只增不减 2022年核查', path: 'funding.spending.rule', input: { planYear: 2022 } },
  { name: '学位项目 第1页', path: 'funding.projects.list', input: page },
  { name: '学位项目 滞后', path: 'funding.projects.list', input: { ...page, schedule: 'late' } },
  { name: '学位项目 搜索“学校”', path: 'funding.projects.list', input: { ...page, q: '学校' } },
  { name: '学位建设 合计', path: 'funding.projects.totals', input: {} },
  { name: '学位分配 2022年', path: 'funding.allocation.get', input: { year: 2022 } },
  { name: '重点项目', path: 'funding.named.list', input: {} },
  { name: '指标 两个只增不减（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.two-no-decrease' } },
  { name: '指标 学位建设完成数（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.seats-delivered' } },
  // 控辍保学与随迁子女
  { name: '控辍保学台账 第1页', path: 'funding.dropout.list', input: page },
  { name: '控辍保学 辍学未返校', path: 'funding.dropout.list', input: { ...page, ledger: 'open' } },
  { name: '控辍保学 搜索“小学”', path: 'funding.dropout.list', input: { ...page, q: '小学' } },
  { name: '学校月报告 第1页', path: 'funding.dropout.returns.list', input: { ...page, kind: 'school_month' } },
  {
    name: '学校月报告 2022-10 逾期',
    path: 'funding.dropout.returns.list',
    input: { ...page, kind: 'school_month', period: '2022-10', late: true },
  },
  { name: '月报告未报送 2022-10', path: 'funding.dropout.returns.missing', input: { ...page, period: '2022-10' } },
  { name: '县区季度复核', path: 'funding.dropout.returns.list', input: { ...page, kind: 'county_quarter' } },
  { name: '随迁子女 2022-2023学年', path: 'funding.migrant.list', input: { schoolYear: '2022-2023' } },
  { name: '指标 辍学学生数（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.dropouts' } },
  { name: '指标 劝返率（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.dropout-return-rate' } },
  { name: '指标 随迁子女公办就读比例（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.migrant-public-share' } },
  // 学生资助
  { name: '资助 概况（按县）', path: 'funding.aid.summary', input: {} },
  { name: '应助未助 第1页', path: 'funding.aid.unaided', input: page },
  { name: '应助未助 纳入目标', path: 'funding.aid.unaided', input: { ...page, target: 'yes' } },
  { name: '应助未助 搜索“张”', path: 'funding.aid.unaided', input: { ...page, q: '张' } },
  { name: '未匹配学籍 第1页', path: 'funding.aid.unmatched', input: page },
  { name: '比对结果 已资助 第1页', path: 'funding.aid.unmatched', input: { ...page, outcome: 'aided' } },
  { name: '发放名册 第1页', path: 'funding.aid.payments', input: page },
  { name: '发放名册 补发', path: 'funding.aid.payments', input: { ...page, kind: 'reissue' } },
  { name: '发放进度（按县）', path: 'funding.aid.progress', input: {} },
  { name: '资助资金（按县）', path: 'funding.aid.funds', input: {} },
  { name: '资助抽查 第1页', path: 'funding.aid.checks', input: page },
  { name: '指标 资助覆盖率（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.aid-coverage' } },
  { name: '指标 应助未助（按县）', path: 'dashboard.kpi', input: { kpiId: 'funding.aid-unaided' } },
];

/** 学生资助: the matching run over the full aid roll (the city aid centre's, three times), timed end to end and as the run reports it. */
async function matchingTime(signedIn: (user: string) => Promise<Api>, engine: string): Promise<string[]> {
  const api = await signedIn('zizhu');
  const summary = await api.json<{ semester: string }>('funding.aid.summary', {});
  const times: string[] = [];
  let counts: Record<string, number> = {};
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const run = await api.mutate<{ millis: number; counts: Record<string, number> }>('funding.aid.run', { semester: summary.semester });
    times.push(`${(performance.now() - t).toFixed(0)} ms（其中比对 ${run.millis} ms）`);
    counts = run.counts;
  }
  const roll = async (semester: string) =>
    (await api.json<{ total: number }>('funding.aid.payments', { page: 1, pageSize: 1, semester })).total;
  const previous = summary.semester.endsWith('2') ? `${summary.semester.slice(0, 4)}-1` : `${Number(summary.semester.slice(0, 4)) - 1}-2`;
  const records = (await roll(summary.semester)) + (await roll(previous));
  return [
    `${engine}：资助名单比对（${summary.semester}；名单 ${counts.listed} 人，学籍匹配 ${counts.matched} 人，发放记录两学期共 ${records} 条）运行三次：${times.join('；')}`,
  ];
}

await benchListViews({
  title: 'bench:funding — 经费与资助模块列表视图（全量数据，单连接）',
  database: 'hyedu_bench_funding',
  resultsFile: join(dirname(fileURLToPath(import.meta.url)), 'results', 'funding.md'),
  users: ['funding', 'hengnan', 'zizhu', 'hnzizhu'],
  views: VIEWS,
  loads: '迁移 + 全量演示数据',
  // 学生资助
  after: matchingTime,
});
