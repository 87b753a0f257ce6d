import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import ModuleUnavailable from './ModuleUnavailable.vue';

describe('ModuleUnavailable', () => {
  beforeEach(() => setActivePinia(createPinia()));
  it('names the module in Chinese and offers a retry', async () => {
    const w = mount(ModuleUnavailable, { props: { title: '安全管理' } });
    expect(w.text()).toContain('「安全管理」模块暂时无法加载，其他功能不受影响');
    await w.find('button').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
  });
});
