import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'teachers/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('teachers', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      {
        path: '',
        name: 'teachers:home',
        component: () => import('./pages/OverviewPage.vue'),
        meta: { title: '教师队伍', titleEn: 'Teachers' },
      },
      {
        path: 'schools',
        name: 'teachers:schools',
        component: () => import('./pages/SchoolsPage.vue'),
        meta: { title: '教师队伍 · 学校编制', titleEn: 'Teachers · Staffing by school' },
      },
      {
        path: 'staff',
        name: 'teachers:staff',
        component: () => import('./pages/staff/StaffListPage.vue'),
        meta: { title: '教师队伍 · 教职员工', titleEn: 'Teachers · Staff' },
      },
      {
        path: 'ethics',
        name: 'teachers:ethics',
        component: () => import('./pages/ethics/EthicsListPage.vue'),
        meta: { title: '教师队伍 · 师德失范案件', titleEn: 'Teachers · Ethics cases' },
      },
      {
        path: 'ethics/:id(\\d+)',
        name: 'teachers:ethics-case',
        component: () => import('./pages/ethics/EthicsCasePage.vue'),
        meta: { title: '教师队伍 · 师德失范案件', titleEn: 'Teachers · Ethics case' },
      },
      {
        path: 'blacklist',
        name: 'teachers:blacklist',
        component: () => import('./pages/ethics/BlacklistPage.vue'),
        meta: { title: '教师队伍 · 师德失范黑名单', titleEn: 'Teachers · Ethics blacklist' },
      },
      // 教师补充计划
      {
        path: 'programmes',
        name: 'teachers:programmes',
        component: () => import('./pages/programmes/ProgrammesPage.vue'),
        meta: { title: '教师队伍 · 教师补充计划', titleEn: 'Teachers · Supply programmes' },
      },
      {
        path: 'programmes/persons',
        name: 'teachers:programme-persons',
        component: () => import('./pages/programmes/PersonsPage.vue'),
        meta: { title: '教师队伍 · 计划人员', titleEn: 'Teachers · Programme teachers' },
      },
    ],
  },
]);
