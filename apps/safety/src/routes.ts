import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'safety/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('safety', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      { path: '', name: 'safety:home', component: () => import('./pages/OverviewPage.vue'), meta: { title: '安全管理', titleEn: 'Safety' } },
      { path: 'schools', name: 'safety:schools', component: () => import('./pages/SchoolsPage.vue'), meta: { title: '安全管理 · 学校名单', titleEn: 'Safety · Schools' } },
    ],
  },
]);
