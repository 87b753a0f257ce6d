import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView, type RouteRecordRaw } from 'vue-router';
import { ModuleKey, type Grant, type ModuleManifest } from '@hyedu/domain';
import { HENGYANG_MODULES } from '@hyedu/domain/hengyang';
import { preloadComponents, useLocaleStore } from '@hyedu/ui';
import { api, useShellStore, type Account } from '@hyedu/web';
import { FALLBACK_ICON, MODULE_ICONS, moduleIcon } from './layout/module-icons.ts';
import SideMenu from './layout/SideMenu.vue';
import DepartmentsPage from './pages/admin/DepartmentsPage.vue';
import GrantEditor from './pages/admin/GrantEditor.vue';
import SchoolPage from './pages/schools/SchoolPage.vue';
import { loadModuleRoutes } from './remotes.ts';
import { SHELL_ROUTE } from './router.ts';

// A module's routes come from its remote; here the fifth module's remote answers with one page.
vi.mock('./remotes.ts', () => ({ loadModuleRoutes: vi.fn() }));

/**
 * The portal knows the modules only through the registry (and their route names): adding a module needs no change
 * in its code. (a) No module key is written in the portal's source; (b) a fifth registry row shows in the menu,
 * the departments page, the grant editor and a school's page.
 */

const SRC = import.meta.dirname;
/** Examples in help texts that name a module (an address's form, an audit code's form), file by file. */
const ALLOWED_EXAMPLES: Record<string, readonly string[]> = {
  'pages/ModuleOriginsCard.vue': ['/mf/safety/1.2.0/remoteEntry.js', 'https://safety.example.edu.cn'],
  'pages/AuditPage.vue': ['safety.hazard'],
};

/** Where a module key is written in a source text: as a word of its own (a string, a path, an object key, a route name). */
function moduleKeysIn(text: string, keys: readonly string[]): string[] {
  return keys.filter((k) => new RegExp(`(?<![\\w-])${k.replace(/-/g, '\\-')}(?![\\w-])`).test(text));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|vue)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

describe('the portal’s source names no module', () => {
  it('finds a key written as a string, a path, an object key or a route name, and not inside other words', () => {
    const keys = ModuleKey.options;
    expect(moduleKeysIn("const ICONS = { safety: FirstAidKit, 'private-edu': School };", keys)).toEqual(['safety', 'private-edu']);
    expect(moduleKeysIn("records('/safety/hazards')", keys)).toEqual(['safety']);
    expect(moduleKeysIn("t(m === 'teachers' ? 'teachersList' : 'privateList')", keys)).toEqual(['teachers']);
    expect(moduleKeysIn("{ name: 'funding:home' }", keys)).toEqual(['funding']);
    expect(moduleKeysIn("const teachersList = 1; const fundingTotal = 'private-education';", keys)).toEqual([]);
  });

  it('no source file of the portal (tests aside) writes a module key, bar the listed help-text examples', () => {
    const found: string[] = [];
    for (const path of sources(SRC)) {
      const file = relative(SRC, path);
      let text = readFileSync(path, 'utf8');
      for (const example of ALLOWED_EXAMPLES[file] ?? []) {
        expect(text, `${file} still shows the example ${example}`).toContain(example);
        text = text.replaceAll(example, '');
      }
      for (const key of moduleKeysIn(text, ModuleKey.options)) found.push(`${file}: ${key}`);
    }
    expect(found).toEqual([]);
  });
});

/** A fifth module, as a registry row would describe it (its key is not one the domain knows: the portal must not care). */
const HEALTH = {
  key: 'health',
  title: '卫生健康',
  titleEn: 'School health',
  basePath: '/health',
  remoteEntry: '/mf/health/remoteEntry.js',
  version: '0.1.0',
  icon: 'unknown-icon',
  sortOrder: 50,
  enabled: true,
  items: [],
} as unknown as ModuleManifest;
const REGISTRY = [...HENGYANG_MODULES, HEALTH];
const account = (areas: string[]) =>
  ({
    username: 'someone',
    displayName: '某人',
    roles: ['leader'],
    departments: [],
    scopeLabel: '数据范围：全市',
    scopeLabelEn: 'Data scope: city-wide',
    mustChange: null,
    totpEnabled: false,
    totpSetupRequired: false,
    passwordNotice: null,
    idleMinutes: 30,
    idleWarningMinutes: 5,
    areas,
  }) as unknown as Account;

const Blank = defineComponent({ render: () => h('div') });
function portalRouter(children: RouteRecordRaw[] = []) {
  return createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', name: SHELL_ROUTE, component: RouterView, children: [...children, { path: ':any(.*)*', component: Blank }] }],
  });
}
/** A query client already holding the answers the page asks for (nothing goes to a server). */
function answered(answers: [key: readonly unknown[], data: unknown][]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const [key, data] of answers) client.setQueryData(key, () => data as never);
  return client;
}

describe('a fifth registry row shows in the portal without a change to its code', () => {
  beforeAll(preloadComponents);
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });
  afterEach(() => document.body.replaceChildren());

  it('every icon name the Hengyang rows use is in the icon set; any other name gets the fallback icon', () => {
    for (const m of HENGYANG_MODULES) expect(Object.keys(MODULE_ICONS)).toContain(m.icon);
    expect(moduleIcon('unknown-icon')).toBe(FALLBACK_ICON);
    expect(moduleIcon('constructor')).toBe(FALLBACK_ICON);
    expect(moduleIcon('coin')).not.toBe(FALLBACK_ICON);
  });

  it('the side menu lists it by its title, in either language, linking to its base path with the fallback icon', async () => {
    const shell = useShellStore();
    shell.setModules(REGISTRY);
    shell.account = account(['platform', 'safety', 'health']);
    const router = portalRouter();
    await router.push('/');
    const w = mount(SideMenu, { global: { plugins: [router] } });
    const link = w.findAll('a').find((a) => a.attributes('href') === '/health');
    expect(link?.text()).toBe('卫生健康');
    const icon = w.findAllComponents(FALLBACK_ICON as Component);
    expect(icon.length).toBeGreaterThan(0);
    useLocaleStore().locale = 'en-US';
    await flushPromises();
    expect(
      w
        .findAll('a')
        .find((a) => a.attributes('href') === '/health')
        ?.text(),
    ).toBe('School health');
    // Modules the account may not use stay out of its menu.
    expect(w.findAll('a').some((a) => a.attributes('href') === '/teachers')).toBe(false);
    w.unmount();
  });

  it('the departments page names a department’s module by its registry title', async () => {
    const client = answered([
      [api.admin.modules.list.queryKey(), REGISTRY.map((m) => ({ key: m.key, title: m.title, titleEn: m.titleEn }))],
      [api.admin.departments.list.queryKey(), [{ key: 'health-office', name: '体卫艺科', module: 'health', sortOrder: 1, version: 1 }]],
    ]);
    const w = mount(DepartmentsPage, { global: { plugins: [[VueQueryPlugin, { queryClient: client }]] }, attachTo: document.body });
    await flushPromises();
    expect(w.find('[data-test="departments"]').text()).toContain('卫生健康');
    w.unmount();
  });

  it('the grant editor offers it for a county grant and shows it granted by its title', async () => {
    const client = answered([
      [api.admin.security.modules.queryKey(), REGISTRY.map((m) => ({ key: m.key, title: m.title, titleEn: m.titleEn }))],
      [api.admin.security.units.queryKey(), [{ code: '430422', name: '衡南县', bureauName: '衡南县教育局', kind: 'county' }]],
      [api.admin.security.departments.queryKey(), []],
    ]);
    const grants = [{ role: 'county', unitCode: '430422', modules: ['health'] }] as unknown as Grant[];
    const w = mount(GrantEditor, {
      props: { modelValue: grants, errors: {} },
      global: { plugins: [[VueQueryPlugin, { queryClient: client }]] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(w.find('[data-test="grant-0"]').text()).toContain('卫生健康');
    expect(document.body.textContent).toContain('安全管理'); // the registry's other rows are offered too
    w.unmount();
  });

  it('a school’s page shows the module’s lines under its registry title, and links once the module’s routes are in', async () => {
    vi.mocked(loadModuleRoutes).mockImplementation(async (m) => [
      { path: `${m.basePath.slice(1)}/checks`, name: `${m.key}:checks`, component: Blank },
    ]);
    const shell = useShellStore();
    shell.setModules(REGISTRY);
    shell.account = account(['platform', 'plan', 'health']);
    const school = {
      id: 7,
      code: '4304220001',
      name: '衡南县第一中学',
      unitCode: '430422',
      unitName: '衡南县',
      unitKind: 'county',
      level: 'junior',
      ownership: 'public',
      isBoarding: false,
      runsBuses: false,
      town: '云集街道',
      modules: [
        {
          module: 'health',
          lines: [
            {
              key: 'checks',
              label: { zh: '体检', en: 'Health checks' },
              values: [{ text: { zh: '已检 12 人', en: '12 checked' } }, { text: { zh: '未达标', en: 'Not met' }, tone: 'not-met' }],
              link: { name: 'health:checks', query: { unit: '430422', q: '衡南县第一中学' } },
            },
            // A name no module of the account's registry answers to: the line shows, without a link.
            { key: 'stray', label: { zh: '其他', en: 'Other' }, values: [], link: { name: 'nowhere:list' } },
          ],
        },
      ],
    };
    const client = answered([[api.dashboard.school.queryKey({ schoolId: 7 }), school]]);
    const router = portalRouter([{ path: 'schools/:schoolId', name: 'school', component: SchoolPage }]);
    await router.push('/schools/7');
    const w = mount(RouterView, { global: { plugins: [router, [VueQueryPlugin, { queryClient: client }]] } });
    await flushPromises();
    const block = w.find('[data-test="school-health"]');
    expect(block.find('h2').text()).toBe('卫生健康');
    const line = block.find('[data-test="school-checks"]');
    expect(line.text()).toContain('体检');
    expect(line.find('.is-not-met').text()).toBe('未达标');
    // The route named by the server was not there: the module whose key prefixes the name was loaded, then linked.
    expect(vi.mocked(loadModuleRoutes).mock.calls).toEqual([[HEALTH, { fresh: false }]]);
    expect(block.find('[data-test="school-stray"]').text()).toBe('其他');
    expect(block.find('[data-test="school-stray"] a').exists()).toBe(false);
    expect(line.find('a').attributes('href')).toBe(
      '/health/checks?unit=430422&q=%E8%A1%A1%E5%8D%97%E5%8E%BF%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6',
    );
    useLocaleStore().locale = 'en-US';
    await flushPromises();
    expect(block.find('h2').text()).toBe('School health');
    expect(line.text()).toContain('Health checks');
    expect(line.text()).toContain('12 checked');
    w.unmount();
  });
});
