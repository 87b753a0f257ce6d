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
      // funding: spending returns
      {
        path: 'spending',
        name: 'funding:spending',
        component: () => import('./pages/spending/SpendingListPage.vue'),
        meta: { title: '教育经费决算填报', titleEn: 'Spending returns' },
      },
      {
        path: 'spending/:id(\\d+)',
        name: 'funding:spending-return',
        component: () => import('./pages/spending/SpendingPage.vue'),
        meta: { title: '教育经费决算填报', titleEn: 'Spending returns' },
      },
      {
        path: 'two-no-decrease',
        name: 'funding:spending-rule',
        component: () => import('./pages/spending/RulePage.vue'),
        meta: { title: '两个只增不减', titleEn: 'Two no-decrease rule' },
      },
      {
        path: 'named',
        name: 'funding:named',
        component: () => import('./pages/named/NamedProjectsPage.vue'),
        meta: { title: '重点项目', titleEn: 'Named projects' },
      },
      {
        path: 'projects',
        name: 'funding:projects',
        component: () => import('./pages/projects/ProjectListPage.vue'),
        meta: { title: '学位建设项目', titleEn: 'School-place projects' },
      },
      {
        path: 'projects/:id(\\d+)',
        name: 'funding:project',
        component: () => import('./pages/projects/ProjectPage.vue'),
        meta: { title: '学位建设项目', titleEn: 'School-place project' },
      },
      {
        path: 'allocation',
        name: 'funding:allocation',
        component: () => import('./pages/projects/AllocationPage.vue'),
        meta: { title: '学位建设任务分配', titleEn: 'School-place allocation' },
      },
      // 控辍保学与随迁子女
      {
        path: 'dropouts',
        name: 'funding:dropouts',
        component: () => import('./pages/dropout/DropoutListPage.vue'),
        meta: { title: '控辍保学台账', titleEn: 'Dropout ledger' },
      },
      {
        path: 'dropouts/:id(\\d+)',
        name: 'funding:dropout',
        component: () => import('./pages/dropout/DropoutPage.vue'),
        meta: { title: '控辍保学台账', titleEn: 'Dropout case' },
      },
      {
        path: 'dropout-returns',
        name: 'funding:dropout-returns',
        component: () => import('./pages/dropout/ReturnsPage.vue'),
        meta: { title: '控辍保学报告', titleEn: 'Dropout returns' },
      },
      {
        path: 'migrant',
        name: 'funding:migrant',
        component: () => import('./pages/migrant/MigrantPage.vue'),
        meta: { title: '随迁子女就读情况', titleEn: 'Migrant children' },
      },
      // 学生资助
      {
        path: 'aid',
        name: 'funding:aid',
        component: () => import('./pages/aid/AidOverviewPage.vue'),
        meta: { title: '学生资助', titleEn: 'Student aid' },
      },
      {
        path: 'aid/unaided',
        name: 'funding:aid-unaided',
        component: () => import('./pages/aid/UnaidedPage.vue'),
        meta: { title: '应助未助', titleEn: 'Eligible pupils not aided' },
      },
      {
        path: 'aid/follow-ups/:id(\\d+)',
        name: 'funding:aid-follow-up',
        component: () => import('./pages/aid/FollowUpPage.vue'),
        meta: { title: '应助未助跟进', titleEn: 'Aid follow-up' },
      },
      {
        path: 'aid/unmatched',
        name: 'funding:aid-unmatched',
        component: () => import('./pages/aid/UnmatchedPage.vue'),
        meta: { title: '名单比对结果', titleEn: 'Matching result' },
      },
      {
        path: 'aid/settings',
        name: 'funding:aid-settings',
        component: () => import('./pages/aid/AidSettingsPage.vue'),
        meta: { title: '资助设置', titleEn: 'Aid settings' },
      },
      {
        path: 'aid/payments',
        name: 'funding:aid-payments',
        component: () => import('./pages/aid/PaymentsPage.vue'),
        meta: { title: '资助发放', titleEn: 'Aid payments' },
      },
      {
        path: 'aid/funds',
        name: 'funding:aid-funds',
        component: () => import('./pages/aid/AidFundsPage.vue'),
        meta: { title: '资助资金', titleEn: 'Aid funds' },
      },
      {
        path: 'aid/checks',
        name: 'funding:aid-checks',
        component: () => import('./pages/aid/AidChecksPage.vue'),
        meta: { title: '资助抽查', titleEn: 'Aid spot checks' },
      },
      {
        path: 'aid/checks/:id(\\d+)',
        name: 'funding:aid-check',
        component: () => import('./pages/aid/AidCheckPage.vue'),
        meta: { title: '资助抽查', titleEn: 'Aid spot check' },
      },
    ],
  },
]);
