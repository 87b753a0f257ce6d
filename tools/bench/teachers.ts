// `pnpm bench:teachers`: the teachers module's lists at full Hengyang scale, one client at a time.
//   1. starts the real server on an empty database, which loads the full-size demo data, the staff registry included
//      (~97,000 people in post with their hire entries, ~40 ethics cases, the 黑名单);
//   2. signs in as the city's 人事教师科 `teachers` and the county account `hengnan` (which holds the 师德 role) and calls
//      each list through the API (tRPC over HTTP, the same router, context and checks the pages use), and the KPI
//      drill-downs the registry feeds;
//   3. p50 / p99 at one connection, judged against p99 ≤ 60 ms (`list-views.ts`); writes tools/bench/results/teachers.md.
// PostgreSQL at HYEDU_BENCH_PG_URL (default 127.0.0.1:5432; a database `hyedu_bench_teachers` is created and dropped),
// then PGlite; HYEDU_BENCH_ENGINE=postgresql runs PostgreSQL alone. There is no list procedure for the entries or the
// 黑名单 yet: they are read through the gate and the KPIs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchListViews, type ListView } from './list-views.ts';

const page = { page: 1, pageSize: 20 };
const VIEWS: readonly ListView[] = [
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
  // 编制统筹
  { name: '编制统筹 各县市区', path: 'teachers.staffing.units' },
  { name: '编制统筹 学校 第1页', path: 'teachers.staffing.list', input: page },
  { name: '编制统筹 学校 第40页', path: 'teachers.staffing.list', input: { ...page, page: 40 } },
  { name: '编制统筹 超编学校', path: 'teachers.staffing.list', input: { ...page, quotaStanding: 'over' } },
  { name: '编制统筹 有空编仍用编外', path: 'teachers.staffing.list', input: { ...page, quotaStanding: 'beside' } },
  { name: '编制统筹 搜索“中学”', path: 'teachers.staffing.list', input: { ...page, q: '中学' } },
  {
    name: '指标 有空编仍使用编外教师（按学校，衡南县）',
    path: 'dashboard.kpiSchools',
    input: { kpiId: 'teachers.vacancy-contract', unitCode: '430422' },
  },
  // 教师队伍第二部分
  { name: '培训记录 第1页', path: 'teachers.training.records.list', input: page },
  { name: '培训记录 信息技术2.0项目', path: 'teachers.training.records.list', input: { ...page, itOnly: true } },
  { name: '培训项目 第1页', path: 'teachers.training.projects.list', input: page },
  { name: '信息技术2.0 第1页', path: 'teachers.training.standing.list', input: page },
  { name: '信息技术2.0 仅未达标', path: 'teachers.training.standing.list', input: { ...page, short: true } },
  { name: '年度考核 第1页', path: 'teachers.appraisal.list', input: page },
  { name: '年度考核 2021 不合格', path: 'teachers.appraisal.list', input: { ...page, year: 2021, result: 'incompetent' } },
  { name: '定期注册 第1页', path: 'teachers.registration.list', input: page },
  { name: '定期注册 逾期', path: 'teachers.registration.list', input: { ...page, registrationStanding: 'overdue' } },
  { name: '交流轮岗计划', path: 'teachers.exchange.list', input: page },
  { name: '交流轮岗教师 第1页', path: 'teachers.exchange.records', input: page },
  { name: '交流比例汇总 2022-2023', path: 'teachers.exchange.summary', input: { schoolYear: '2022-2023' } },
  { name: '工资保障比较 2022', path: 'teachers.pay.comparison', input: { year: 2022 } },
  { name: '工资保障情况表', path: 'teachers.pay.list', input: page },
  { name: '督查整改', path: 'teachers.pay.rectifications.list', input: page },
  { name: '支教需求 第1页', path: 'teachers.support.needs', input: page },
  { name: '支教派遣 第1页', path: 'teachers.support.dispatches', input: page },
  { name: '表彰推荐 第1页', path: 'teachers.honours.nominations', input: page },
  { name: '补充计划汇总 2022', path: 'teachers.programmes.summary', input: { year: 2022 } },
  { name: '补充计划人员 第1页', path: 'teachers.programmes.persons', input: page },
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

await benchListViews({
  title: 'bench:teachers — 教师队伍模块列表视图（全量数据，单连接）',
  database: 'hyedu_bench_teachers',
  resultsFile: join(dirname(fileURLToPath(import.meta.url)), 'results', 'teachers.md'),
  users: ['teachers', 'hengnan'],
  views: VIEWS,
  loads: '迁移 + 全量演示数据，含教职员工名册',
  notes: ['准入记录没有列表页（只有导出，由准入关口与指标读取），不在表内。'],
});
