import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'funding/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('funding', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      {
        path: '',
        name: 'funding:home',
        component: () => import('./pages/OverviewPage.vue'),
        meta: { title: '经费与资助', titleEn: 'Funding & aid' },
      },
      {
        path: 'named',
        name: 'funding:named',
        component: () => import('./pages/named/NamedProjectsPage.vue'),
        meta: { title: '重点项目', titleEn: 'Named projects' },
      },
    ],
  },
]);
