import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { HENGYANG_MODULES } from '@hyedu/domain/hengyang';
import { useShellStore } from '@hyedu/web';
import { createPortalRouter, placeholderName } from './router.ts';

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

  it('guards every module route: a module missing from the registry is not found', async () => {
    const shell = useShellStore();
    shell.setModules(HENGYANG_MODULES.filter((m) => m.key !== 'funding'));
    const router = createPortalRouter(HENGYANG_MODULES);
    await router.push('/funding');
    expect(router.currentRoute.value.name).toBe('not-found');
    await router.push('/safety');
    expect(router.currentRoute.value.name).toBe(placeholderName('safety'));
    expect(document.title).toBe('安全管理 - 衡阳市教育局工作平台');
  });
});
