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
import { benchListViews, type ListView } from './list-views.ts';

const page = { page: 1, pageSize: 20 };
const VIEWS: readonly ListView[] = [
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
  // 校外培训执法案件
  { name: '执法案件 第1页', path: 'privateEdu.enforcement.list', input: page },
  { name: '执法案件 逾期', path: 'privateEdu.enforcement.list', input: { ...page, overdue: true } },
  {
    name: '执法案件 衡南县 调查取证',
    path: 'privateEdu.enforcement.list',
    input: { ...page, unitCode: '430422', status: 'investigating' },
  },
  { name: '执法案件 搜索“工作室”', path: 'privateEdu.enforcement.list', input: { ...page, q: '工作室' } },
  // 校外培训机构
  { name: '培训机构 第1页', path: 'privateEdu.training.list', input: page },
  { name: '培训机构 第20页', path: 'privateEdu.training.list', input: { ...page, page: 20 } },
  {
    name: '培训机构 学科类+营改非完成',
    path: 'privateEdu.training.list',
    input: { ...page, trainingCategory: 'academic', conversion: 'done' },
  },
  { name: '培训机构 未入驻全国平台', path: 'privateEdu.training.list', input: { ...page, onPlatform: false } },
  { name: '培训机构 搜索“培训”', path: 'privateEdu.training.list', input: { ...page, q: '培训' } },
  { name: '监管力量', path: 'privateEdu.training.capacity.list' },
  { name: '平台比对 概况', path: 'privateEdu.training.platform.summary' },
  { name: '平台比对 未匹配 第1页', path: 'privateEdu.training.platform.unmatched', input: page },
  // 五项管理
  { name: '五项管理 第1页', path: 'privateEdu.fiveItems.list', input: page },
  { name: '五项管理 秋季 未达标', path: 'privateEdu.fiveItems.list', input: { ...page, term: '2022-autumn', compliant: false } },
  { name: '五项管理 逾期', path: 'privateEdu.fiveItems.list', input: { ...page, overdue: true } },
  { name: '五项管理 搜索“小学”', path: 'privateEdu.fiveItems.list', input: { ...page, q: '小学' } },
  { name: '五项管理 春季逾期未报学校', path: 'privateEdu.fiveItems.missing', input: { ...page, term: '2022-spring' } },
];

await benchListViews({
  title: 'bench:private-edu — 民办教育模块列表视图（全量数据，单连接）',
  database: 'hyedu_bench_private',
  resultsFile: join(dirname(fileURLToPath(import.meta.url)), 'results', 'private-edu.md'),
  users: ['privedu', 'hengnan'],
  views: VIEWS,
  loads: '迁移 + 全量演示数据',
});
