import type { Department } from '../plan/departments.ts';
import type { PlanTask } from '../plan/tasks.ts';
import { EXAMPLE_CITY_TARGETS_2023 as T } from './targets.ts';

/** 示例市's (synthetic) 科室: fewer than Hengyang's, one per module. */
export const EXAMPLE_CITY_DEPARTMENTS: readonly Department[] = [
  { key: 'office', name: '办公室', module: null, sortOrder: 1 },
  { key: 'safety', name: '安全科', module: 'safety', sortOrder: 2 },
  { key: 'private-edu', name: '民办教育科', module: 'private-edu', sortOrder: 3 },
  { key: 'finance', name: '财务科', module: 'funding', sortOrder: 4 },
  { key: 'teachers', name: '教师科', module: 'teachers', sortOrder: 5 },
];

const task = (code: string, title: string, lead: string, due: string, kpis: string[] = [], units: PlanTask['units'] = 'all'): PlanTask => ({
  code,
  itemNo: Number(code.split('.')[0]),
  title,
  lead,
  coOwners: [],
  units,
  milestones: [{ title, due }],
  kpis,
});

/** 示例市's plan as tasks: one or two per item, with their KPIs. */
export const EXAMPLE_CITY_TASKS_2023: readonly PlanTask[] = [
  task('1.1', '安全防范建设达标', 'safety', T.yearEnd, ['safety.compliance']),
  task('1.2', '隐患台账动态清零', 'safety', T.yearEnd, ['safety.hazards-overdue', 'safety.hazard-closure']),
  task('2.1', '开展主题教育活动', 'office', '2023-06-30', [], []),
  task('3.1', '完成“公参民”学校规范工作', 'private-edu', T.gongCanMinDeadline),
  task('3.2', '民办义务教育在校生占比控制在10%以内', 'private-edu', T.yearEnd, ['private.compulsory-share']),
  task('4.1', '新增1200个公办学位', 'finance', T.yearEnd, ['funding.seats-delivered', 'funding.aid-coverage']),
  task('5.1', '教师培训', 'teachers', T.yearEnd, ['teachers.training-completion']),
];
