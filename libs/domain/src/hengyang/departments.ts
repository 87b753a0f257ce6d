import type { Department } from '../plan/departments.ts';

/**
 * A plausible set of the city bureau's 科室 for demos (the real list is not public: docs/domain/org.md; open point 2 in docs/domain/README.md). The
 * 系统管理员 can rename, add and remove them; the four with a module run that module city-wide.
 */
export const HENGYANG_DEPARTMENTS: readonly Department[] = [
  { key: 'office', name: '办公室', module: null, sortOrder: 1 },
  { key: 'party', name: '机关党委', module: null, sortOrder: 2 },
  { key: 'publicity', name: '宣传思政科', module: null, sortOrder: 3 },
  { key: 'safety', name: '安全稳定科', module: 'safety', sortOrder: 4 },
  { key: 'private-edu', name: '民办教育与校外培训监管科', module: 'private-edu', sortOrder: 5 },
  { key: 'basic-edu', name: '基础教育科', module: null, sortOrder: 6 },
  { key: 'health-arts', name: '体卫艺科', module: null, sortOrder: 7 },
  { key: 'planning', name: '计划财务科', module: 'funding', sortOrder: 8 },
  { key: 'aid', name: '学生资助管理中心', module: null, sortOrder: 9 },
  { key: 'vocational', name: '职业教育与成人教育科', module: null, sortOrder: 10 },
  { key: 'personnel', name: '人事教师科', module: 'teachers', sortOrder: 11 },
  { key: 'exams', name: '教育考试院', module: null, sortOrder: 12 },
  { key: 'inspection', name: '教育督导室', module: null, sortOrder: 13 },
  { key: 'law', name: '政策法规科', module: null, sortOrder: 14 },
  { key: 'audit', name: '审计科', module: null, sortOrder: 15 },
  { key: 'it', name: '电教信息中心', module: null, sortOrder: 16 },
];
