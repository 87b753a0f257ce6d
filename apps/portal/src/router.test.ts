import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { HENGYANG_MODULES } from '@hyedu/domain/hengyang';
import { useShellStore, type Account } from '@hyedu/web';
import { createPortalRouter, placeholderName } from './router.ts';

const leader: Account = {
  username: 'leader',
  displayName: '局领导',
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
  areas: ['platform', 'safety', 'private-edu', 'teachers', 'funding'],
};

describe('portal router', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });

  it('has a placeholder route for every registered module, under its base path', () => {
    const router = createPortalRouter(HENGYANG_MODULES);
    for (const m of HENGYANG_MODULES) {
      const r = router.resolve(`${m.basePath}/some/deep/page`);
      expect(r.name).toBe(placeholderName(m.key));
      expect(r.meta.module).toBe(m.key);
    }
  });

  it('sends anyone not signed in to the login page, keeping where they wanted to go', async () => {
    const router = createPortalRouter(HENGYANG_MODULES);
    await router.push('/safety/schools?unit=430422');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/safety/schools?unit=430422');
  });

  it('holds an account that must change its password on the account page', async () => {
    useShellStore().account = { ...leader, mustChange: 'INITIAL' };
    const router = createPortalRouter(HENGYANG_MODULES);
    await router.push('/registry');
    expect(router.currentRoute.value.name).toBe('account');
  });

  it('guards every module route: a module the account may not use is 无权访问 (at its own address); an unknown address is not found', async () => {
    const shell = useShellStore();
    shell.account = { ...leader, areas: ['platform', 'safety', 'private-edu', 'teachers'] };
    shell.setModules(HENGYANG_MODULES);
    const router = createPortalRouter(HENGYANG_MODULES);
    await router.push('/funding/grants?year=2022');
    expect(router.currentRoute.value.name).toBe('forbidden');
    expect(router.currentRoute.value.fullPath).toBe('/funding/grants?year=2022');
    expect(document.title).toBe('无权访问 - 衡阳市教育局工作平台');
    await router.push('/admin/audit');
    expect(router.currentRoute.value.name).toBe('forbidden');
    await router.push('/no/such/page');
    expect(router.currentRoute.value.name).toBe('not-found');
    await router.push('/safety');
    expect(router.currentRoute.value.name).toBe(placeholderName('safety'));
    expect(document.title).toBe('安全管理 - 衡阳市教育局工作平台');
  });
});
