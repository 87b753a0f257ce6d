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
        path: 'ledger',
        name: 'private-edu:ledger',
        component: () => import('./pages/ledger/LedgerPage.vue'),
        meta: { title: '调减台账', titleEn: 'Reduction ledger' },
      },
      {
        path: 'census',
        name: 'private-edu:census',
        component: () => import('./pages/census/CensusListPage.vue'),
        meta: { title: '学年初统计', titleEn: 'Start-of-year census' },
      },
      {
        path: 'levers',
        name: 'private-edu:levers',
        component: () => import('./pages/lever/LeverListPage.vue'),
        meta: { title: '调减措施', titleEn: 'Levers' },
      },
      {
        path: 'levers/:id(\\d+)',
        name: 'private-edu:lever',
        component: () => import('./pages/lever/LeverPage.vue'),
        meta: { title: '调减措施', titleEn: 'Lever' },
      },
      {
        path: 'conversions',
        name: 'private-edu:conversions',
        component: () => import('./pages/conversion/ConversionListPage.vue'),
        meta: { title: '公参民治理', titleEn: 'Public-private schools' },
      },
      {
        path: 'conversions/:id(\\d+)',
        name: 'private-edu:conversion',
        component: () => import('./pages/conversion/ConversionPage.vue'),
        meta: { title: '民办教育 · 公参民治理', titleEn: 'Private education · Public-private schools' },
      },
      {
        path: 'inspections',
        name: 'private-edu:inspections',
        component: () => import('./pages/inspection/InspectionListPage.vue'),
        meta: { title: '民办学校年检', titleEn: 'Annual inspections' },
      },
      {
        path: 'inspections/:id(\\d+)',
        name: 'private-edu:inspection',
        component: () => import('./pages/inspection/InspectionPage.vue'),
        meta: { title: '民办学校年检', titleEn: 'Annual inspections' },
      },
      {
        path: 'licences',
        name: 'private-edu:licences',
        component: () => import('./pages/licence/LicenceListPage.vue'),
        meta: { title: '办学许可事项', titleEn: 'Licence cases' },
      },
      {
        path: 'licences/:id(\\d+)',
        name: 'private-edu:licence',
        component: () => import('./pages/licence/LicencePage.vue'),
        meta: { title: '办学许可事项', titleEn: 'Licence cases' },
      },
      {
        path: 'puhui',
        name: 'private-edu:puhui',
        component: () => import('./pages/puhui/PuhuiListPage.vue'),
        meta: { title: '普惠性民办园认定', titleEn: 'Inclusive kindergarten recognition' },
      },
      {
        path: 'puhui/:id(\\d+)',
        name: 'private-edu:puhui-case',
        component: () => import('./pages/puhui/PuhuiPage.vue'),
        meta: { title: '普惠性民办园认定', titleEn: 'Inclusive kindergarten recognition' },
      },
      {
        path: 'preschool',
        name: 'private-edu:preschool',
        component: () => import('./pages/preschool/PreschoolPage.vue'),
        meta: { title: '学前人口与毛入园率', titleEn: 'Pre-school population and gross enrolment' },
      },
      {
        path: 'fees',
        name: 'private-edu:fees',
        component: () => import('./pages/fees/FeeListPage.vue'),
        meta: { title: '保教费收费记录', titleEn: 'Kindergarten fee records' },
      },
      {
        path: 'schools',
        name: 'private-edu:schools',
        component: () => import('./pages/profile/ProfileListPage.vue'),
        meta: { title: '民办学校', titleEn: 'Private schools' },
      },
      // 校外培训执法案件
      {
        path: 'enforcement',
        name: 'private-edu:enforcement',
        component: () => import('./pages/enforcement/EnforcementListPage.vue'),
        meta: { title: '校外培训执法案件', titleEn: 'Off-campus training enforcement' },
      },
      {
        path: 'enforcement/:id(\\d+)',
        name: 'private-edu:enforcement-case',
        component: () => import('./pages/enforcement/EnforcementPage.vue'),
        meta: { title: '校外培训执法案件', titleEn: 'Off-campus training enforcement' },
      },
      // 校外培训机构
      {
        path: 'training',
        name: 'private-edu:training',
        component: () => import('./pages/training/TrainingListPage.vue'),
        meta: { title: '校外培训机构', titleEn: 'Off-campus tutoring institutions' },
      },
      {
        path: 'training/:id(\\d+)',
        name: 'private-edu:training-institution',
        component: () => import('./pages/training/TrainingPage.vue'),
        meta: { title: '校外培训机构', titleEn: 'Off-campus tutoring institution' },
      },
      {
        path: 'training/capacity',
        name: 'private-edu:training-capacity',
        component: () => import('./pages/training/CapacityPage.vue'),
        meta: { title: '校外培训监管力量', titleEn: 'Tutoring supervision capacity' },
      },
      {
        path: 'training/platform',
        name: 'private-edu:training-platform',
        component: () => import('./pages/training/PlatformPage.vue'),
        meta: { title: '全国平台机构名单比对', titleEn: 'National platform list check' },
      },
      // 五项管理
      {
        path: 'five-items',
        name: 'private-edu:five-items',
        component: () => import('./pages/five-items/FiveItemsListPage.vue'),
        meta: { title: '五项管理', titleEn: 'Five items' },
      },
      {
        path: 'five-items/:id(\\d+)',
        name: 'private-edu:five-items-return',
        component: () => import('./pages/five-items/FiveItemsPage.vue'),
        meta: { title: '五项管理', titleEn: 'Five items' },
      },
    ],
  },
]);
