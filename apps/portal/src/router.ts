import { createMemoryHistory, createRouter, createWebHistory, START_LOCATION, type Router, type RouteRecordRaw } from 'vue-router';
import type { ModuleManifest } from '@hyedu/domain';
import { useLocaleStore } from '@hyedu/ui';
import { useShellStore } from '@hyedu/web';

export const SHELL_ROUTE = 'shell';
export const APP_TITLE = { 'zh-CN': '衡阳市教育局工作平台', 'en-US': 'Hengyang Education Bureau Platform' } as const;

/** The route that stands for a module until its remote has been loaded. */
export const placeholderName = (key: string) => `module:${key}`;

/**
 * Starts loading the code of the page at `path` (the sign-in page, or the shell and the page in it) while the session
 * is being checked: the routes are matched without the modules, which are not known yet, so a module's address loads
 * nothing here.
 */
export function warmFirstPage(path: string) {
  const matcher = createRouter({ history: createMemoryHistory(), routes: portalRoutes([]) });
  const matched = matcher.resolve(path).matched;
  if (matched.some((r) => r.name === 'not-found')) return;
  for (const record of matched)
    for (const component of Object.values(record.components ?? {}))
      if (typeof component === 'function') void (component as () => Promise<unknown>)().catch(() => undefined);
}

export function createPortalRouter(modules: readonly ModuleManifest[]): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: portalRoutes(modules),
    // A new page starts at the top; the first one already does (scrolling there would force a layout while it loads).
    scrollBehavior: (_to, from) => (from === START_LOCATION ? false : { top: 0 }),
  });
  guard(router);
  return router;
}

/** Every page of the portal, with a placeholder route for each of these modules. */
function portalRoutes(modules: readonly ModuleManifest[]): RouteRecordRaw[] {
  return [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { title: '登录', titleEn: 'Sign in', public: true },
    },
    {
      path: '/',
      name: SHELL_ROUTE,
      // Every page, the shell and the home page included, is its own chunk: the sign-in page loads none of them.
      component: () => import('./layout/TheShell.vue'),
      children: [
        { path: '', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { title: '首页', titleEn: 'Home' } },
        {
          path: 'dashboard',
          name: 'dashboard',
          component: () => import('./pages/dashboard/DashboardPage.vue'),
          meta: { title: '领导驾驶舱', titleEn: 'Dashboard', area: 'plan' },
        },
        {
          path: 'dashboard/:kpiId',
          name: 'kpi',
          component: () => import('./pages/dashboard/KpiDetailPage.vue'),
          meta: { title: '指标详情', titleEn: 'Indicator', area: 'plan' },
        },
        {
          path: 'dashboard/:kpiId/:unitCode(\\d{6})',
          name: 'kpi-unit',
          component: () => import('./pages/dashboard/KpiUnitPage.vue'),
          meta: { title: '指标详情', titleEn: 'Indicator', area: 'plan' },
        },
        {
          path: 'plan/:year(\\d{4})?',
          name: 'plan',
          component: () => import('./pages/WorkPlanPage.vue'),
          meta: { title: '工作要点', titleEn: 'Work plan' },
        },
        {
          path: 'plan/:year(\\d{4})/tasks/:taskId(\\d+)',
          name: 'plan-task',
          component: () => import('./pages/plan/PlanTaskPage.vue'),
          meta: { title: '任务进展', titleEn: 'Task progress', area: 'plan' },
        },
        {
          path: 'plan/targets',
          name: 'county-targets',
          component: () => import('./pages/plan/CountyTargetsPage.vue'),
          meta: { title: '县市区目标', titleEn: 'County targets', area: 'plan' },
        },
        {
          path: 'plan/reviews',
          name: 'plan-reviews',
          component: () => import('./pages/plan/ReviewQueuePage.vue'),
          meta: { title: '待我审核', titleEn: 'Reviews', area: 'plan' },
        },
        {
          path: 'inbox',
          name: 'inbox',
          component: () => import('./pages/inbox/InboxPage.vue'),
          meta: { title: '我的待办', titleEn: 'My to-do' },
        },
        {
          // A 科室's 联审 opinion, asked of it through its 待办: open to the asked 科室 without any module grant.
          path: 'inbox/opinions/:id(\\d+)',
          name: 'inbox-opinion',
          component: () => import('./pages/inbox/OpinionPage.vue'),
          meta: { title: '年检联审意见', titleEn: 'Inspection opinion' },
        },
        {
          path: 'account',
          name: 'account',
          component: () => import('./pages/AccountPage.vue'),
          meta: { title: '账号与安全', titleEn: 'Account & security', account: true },
        },
        {
          path: 'admin/modules',
          name: 'module-registry',
          component: () => import('./pages/ModuleRegistryPage.vue'),
          meta: { title: '模块登记', titleEn: 'Module registry', area: 'admin:accounts' },
        },
        {
          path: 'admin/accounts',
          name: 'accounts-admin',
          component: () => import('./pages/admin/AccountsAdminPage.vue'),
          meta: { title: '账号管理', titleEn: 'Accounts', area: 'admin:accounts' },
        },
        {
          path: 'admin/departments',
          name: 'departments-admin',
          component: () => import('./pages/admin/DepartmentsPage.vue'),
          meta: { title: '科室设置', titleEn: 'Departments', area: 'admin:accounts' },
        },
        {
          path: 'admin/grants',
          name: 'grants-admin',
          component: () => import('./pages/admin/GrantsAdminPage.vue'),
          meta: { title: '授权管理', titleEn: 'Grants', area: 'admin:security' },
        },
        {
          path: 'admin/policy',
          name: 'policy-admin',
          component: () => import('./pages/admin/PolicyPage.vue'),
          meta: { title: '安全策略', titleEn: 'Security policy', area: 'admin:security' },
        },
        {
          path: 'admin/audit',
          name: 'audit',
          component: () => import('./pages/AuditPage.vue'),
          meta: { title: '审计查询', titleEn: 'Audit trail', area: 'audit' },
        },
        {
          path: 'schools/:schoolId(\\d+)',
          name: 'school',
          component: () => import('./pages/schools/SchoolPage.vue'),
          meta: { title: '学校详情', titleEn: 'School', area: 'plan' },
        },
        {
          path: 'registry',
          name: 'registry',
          component: () => import('./pages/RegistryPage.vue'),
          meta: { title: '学校名录', titleEn: 'School registry' },
        },
        ...modules.map((m) => ({
          path: `${m.basePath}/:rest(.*)*`,
          name: placeholderName(m.key),
          component: () => import('./pages/RemoteModuleLoader.vue'),
          props: { moduleKey: m.key },
          meta: { module: m.key, title: m.title, titleEn: m.titleEn },
        })),
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('./pages/NotFoundPage.vue'),
          meta: { title: '页面不存在', titleEn: 'Not found' },
        },
        // Reached only by name from the guard (the address stays the page's own; not-found wins a match by path).
        {
          path: ':pathMatch(.*)*',
          name: 'forbidden',
          component: () => import('./pages/ForbiddenPage.vue'),
          meta: { title: '无权访问', titleEn: 'Access denied' },
        },
      ],
    },
  ];
}

function guard(router: Router) {
  // These guards run for every route, the modules' own routes included: they are in this one router.
  // The server refuses everything they refuse; they only spare the user a page that would show an error.
  router.beforeEach((to) => {
    const shell = useShellStore();
    const account = shell.account;
    if (to.meta.public) return account && !shell.setupPending ? { path: '/' } : true;
    if (!account) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (shell.setupPending && to.name !== 'account') return { name: 'account' };
    const key = to.meta.module;
    // A page that exists but is not this account's: 无权访问 (what is missing, whom to ask); unknown addresses stay 页面不存在.
    if ((to.meta.area && !shell.can(to.meta.area)) || (key && !shell.byKey.has(key)))
      return { name: 'forbidden', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
    return true;
  });
  router.afterEach((to) => {
    const locale = useLocaleStore().locale;
    const page = locale === 'en-US' ? to.meta.titleEn : to.meta.title;
    document.title = page ? `${page} - ${APP_TITLE[locale]}` : APP_TITLE[locale];
  });
}
