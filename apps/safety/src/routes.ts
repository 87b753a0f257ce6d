import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as 'safety/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('safety', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      {
        path: '',
        name: 'safety:home',
        component: () => import('./pages/OverviewPage.vue'),
        meta: { title: '安全管理', titleEn: 'Safety' },
      },
      {
        path: 'compliance',
        name: 'safety:compliance',
        component: () => import('./pages/compliance/CompliancePage.vue'),
        meta: { title: '安全管理 · 4个100%', titleEn: 'Safety · Security standard' },
      },
      {
        path: 'hazards',
        name: 'safety:hazards',
        component: () => import('./pages/hazards/HazardsPage.vue'),
        meta: { title: '安全管理 · 隐患排查整治', titleEn: 'Safety · Hazards' },
      },
      {
        path: 'hazards/:id(\\d+)',
        name: 'safety:hazard',
        component: () => import('./pages/hazards/HazardPage.vue'),
        meta: { title: '安全管理 · 隐患详情', titleEn: 'Safety · Hazard' },
      },
      {
        path: 'inspections',
        name: 'safety:inspections',
        component: () => import('./pages/hazards/InspectionsPage.vue'),
        meta: { title: '安全管理 · 检查记录', titleEn: 'Safety · Inspections' },
      },
      {
        path: 'activities',
        name: 'safety:activities',
        component: () => import('./pages/activities/ActivitiesPage.vue'),
        meta: { title: '安全管理 · 专项教育', titleEn: 'Safety · Safety education' },
      },
      {
        path: 'incidents',
        name: 'safety:incidents',
        component: () => import('./pages/incidents/IncidentsPage.vue'),
        meta: { title: '安全管理 · 安全事件', titleEn: 'Safety · Incidents' },
      },
      {
        path: 'incidents/:id(\\d+)',
        name: 'safety:incident',
        component: () => import('./pages/incidents/IncidentPage.vue'),
        meta: { title: '安全管理 · 事件详情', titleEn: 'Safety · Incident' },
      },
      {
        path: 'schools',
        name: 'safety:schools',
        component: () => import('./pages/SchoolsPage.vue'),
        meta: { title: '安全管理 · 学校名单', titleEn: 'Safety · Schools' },
      },
    ],
  },
]);
