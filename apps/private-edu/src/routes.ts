import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'privateEdu/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('private-edu', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      { path: '', name: 'private-edu:home', component: () => import('./pages/HomePage.vue'), meta: { title: '民办教育', titleEn: 'Private education' } },
    ],
  },
]);
