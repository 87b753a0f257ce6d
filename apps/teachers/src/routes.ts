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
        path: 'staffing',
        name: 'teachers:staffing',
        component: () => import('./pages/staffing/StaffingPage.vue'),
        meta: { title: '教师队伍 · 编制统筹配置', titleEn: 'Teachers · Staffing against the standard' },
      },
      {
        path: 'staff',
        name: 'teachers:staff',
        component: () => import('./pages/staff/StaffListPage.vue'),
        meta: { title: '教师队伍 · 教职员工', titleEn: 'Teachers · Staff' },
      },
      // 年度考核与教师资格定期注册
      {
        path: 'appraisal',
        name: 'teachers:appraisal',
        component: () => import('./pages/appraisal/AppraisalListPage.vue'),
        meta: { title: '教师队伍 · 年度考核', titleEn: 'Teachers · Annual appraisals' },
      },
      {
        path: 'registration',
        name: 'teachers:registration',
        component: () => import('./pages/registration/RegistrationListPage.vue'),
        meta: { title: '教师队伍 · 教师资格定期注册', titleEn: 'Teachers · Certificate registration' },
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
      // 教师培训与信息技术应用能力提升工程2.0
      {
        path: 'training',
        name: 'teachers:training',
        component: () => import('./pages/training/ProjectsPage.vue'),
        meta: { title: '教师队伍 · 教师培训项目', titleEn: 'Teachers · Training projects' },
      },
      {
        path: 'training/records',
        name: 'teachers:training-records',
        component: () => import('./pages/training/RecordsPage.vue'),
        meta: { title: '教师队伍 · 教师培训记录', titleEn: 'Teachers · Training records' },
      },
      {
        path: 'it-capability',
        name: 'teachers:it-capability',
        component: () => import('./pages/training/ItCapabilityPage.vue'),
        meta: { title: '教师队伍 · 信息技术应用能力提升工程2.0', titleEn: 'Teachers · IT capability 2.0' },
      },
      // 县管校聘交流轮岗
      {
        path: 'exchange',
        name: 'teachers:exchange',
        component: () => import('./pages/exchange/ExchangeListPage.vue'),
        meta: { title: '教师队伍 · 交流轮岗', titleEn: 'Teachers · Exchange' },
      },
      {
        path: 'exchange/:id(\\d+)',
        name: 'teachers:exchange-plan',
        component: () => import('./pages/exchange/ExchangePlanPage.vue'),
        meta: { title: '教师队伍 · 交流轮岗计划', titleEn: 'Teachers · Exchange plan' },
      },
      {
        path: 'exchange/summary',
        name: 'teachers:exchange-summary',
        component: () => import('./pages/exchange/ExchangeSummaryPage.vue'),
        meta: { title: '教师队伍 · 交流比例汇总', titleEn: 'Teachers · Exchange ratios' },
      },
      {
        path: 'exchange/designations',
        name: 'teachers:exchange-designations',
        component: () => import('./pages/exchange/DesignationsPage.vue'),
        meta: { title: '教师队伍 · 优质/薄弱学校认定', titleEn: 'Teachers · School designations' },
      },
      // 教师工资保障
      {
        path: 'pay',
        name: 'teachers:pay',
        component: () => import('./pages/pay/PayComparisonPage.vue'),
        meta: { title: '教师队伍 · 工资保障', titleEn: 'Teachers · Pay guarantee' },
      },
      {
        path: 'pay/returns/:id(\\d+)',
        name: 'teachers:pay-return',
        component: () => import('./pages/pay/PayReturnPage.vue'),
        meta: { title: '教师队伍 · 工资保障情况表', titleEn: 'Teachers · Pay return' },
      },
      {
        path: 'pay/rectifications',
        name: 'teachers:pay-rectifications',
        component: () => import('./pages/pay/RectificationListPage.vue'),
        meta: { title: '教师队伍 · 工资保障督查整改', titleEn: 'Teachers · Pay rectification cases' },
      },
      {
        path: 'pay/rectifications/:id(\\d+)',
        name: 'teachers:pay-rectification',
        component: () => import('./pages/pay/RectificationPage.vue'),
        meta: { title: '教师队伍 · 工资保障督查整改', titleEn: 'Teachers · Pay rectification case' },
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
