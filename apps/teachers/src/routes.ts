import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'teachers/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('teachers', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      { path: '', name: 'teachers:home', component: () => import('./pages/HomePage.vue'), meta: { title: '教师队伍', titleEn: 'Teachers' } },
    ],
  },
]);
