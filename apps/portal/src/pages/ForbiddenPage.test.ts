import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { HENGYANG_MODULES } from '@hyedu/domain/hengyang';
import { useLocaleStore } from '@hyedu/ui';
import { useShellStore, type Account } from '@hyedu/web';
import { createPortalRouter } from '../router.ts';
import ForbiddenPage from './ForbiddenPage.vue';

const county: Account = {
  username: 'hengnan',
  displayName: '衡南县教育局',
  roles: ['county'],
  departments: [],
  scopeLabel: '数据范围：衡南县',
  scopeLabelEn: 'Scope: Hengnan County',
  mustChange: null,
  totpEnabled: false,
  totpSetupRequired: false,
  passwordNotice: null,
  idleMinutes: 30,
  idleWarningMinutes: 5,
  areas: ['platform', 'plan', 'safety'],
};

async function open(path: string) {
  const shell = useShellStore();
  shell.account = county;
  shell.setModules(HENGYANG_MODULES);
  const router = createPortalRouter(HENGYANG_MODULES);
  await router.push(path);
  expect(router.currentRoute.value.name).toBe('forbidden');
  const w = mount(ForbiddenPage, { global: { plugins: [router] } });
  await flushPromises();
  return w;
}

describe('无权访问', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });

  it('names the module the account lacks and whom to ask', async () => {
    const w = await open('/funding');
    const text = w.find('[data-test="forbidden"]').text();
    expect(text).toContain('无权访问');
    expect(text).toContain('打开“经费与资助”需要“经费与资助”模块的授权');
    expect(text).toContain('请联系安全管理员授权');
    expect(text).not.toContain('页面不存在');
    w.unmount();
  });

  it('names the administrator role a page needs, in English too', async () => {
    useLocaleStore().setLocale('en-US');
    const w = await open('/admin/audit');
    expect(w.find('[data-test="forbidden"]').text()).toContain('Opening “Audit trail” needs the audit administrator role');
    w.unmount();
  });
});
