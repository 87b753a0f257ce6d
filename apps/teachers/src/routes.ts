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
      // 支教与表彰
      {
        path: 'support',
        name: 'teachers:support',
        component: () => import('./pages/support/NeedsPage.vue'),
        meta: { title: '教师队伍 · 支教需求', titleEn: 'Teachers · Support-teaching needs' },
      },
      {
        path: 'support/:id(\\d+)',
        name: 'teachers:support-need',
        component: () => import('./pages/support/NeedPage.vue'),
        meta: { title: '教师队伍 · 支教需求', titleEn: 'Teachers · Support-teaching need' },
      },
      {
        path: 'support/dispatches',
        name: 'teachers:support-dispatches',
        component: () => import('./pages/support/DispatchesPage.vue'),
        meta: { title: '教师队伍 · 支教派遣', titleEn: 'Teachers · Support dispatches' },
      },
      {
        path: 'honours',
        name: 'teachers:honours',
        component: () => import('./pages/honours/RoundsPage.vue'),
        meta: { title: '教师队伍 · 表彰评选', titleEn: 'Teachers · Honours' },
      },
      {
        path: 'honours/:id(\\d+)',
        name: 'teachers:honour-round',
        component: () => import('./pages/honours/RoundPage.vue'),
        meta: { title: '教师队伍 · 表彰评选', titleEn: 'Teachers · Honour round' },
      },
    ],
  },
]);
