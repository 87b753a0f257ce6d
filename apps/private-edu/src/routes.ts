import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'privateEdu/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('private-edu', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      {
        path: '',
        name: 'private-edu:home',
        component: () => import('./pages/OverviewPage.vue'),
        meta: { title: '民办教育', titleEn: 'Private education' },
      },
      {
        path: 'schools',
        name: 'private-edu:schools',
        component: () => import('./pages/SchoolsPage.vue'),
        meta: { title: '民办教育 · 民办学校', titleEn: 'Private education · Schools' },
      },
    ],
  },
]);
