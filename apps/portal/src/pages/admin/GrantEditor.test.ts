import { VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Grant } from '@hyedu/domain';
import { preloadComponents } from '@hyedu/ui';
import GrantEditor from './GrantEditor.vue';

describe('the grant editor opens with the account’s grants', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('shows a school grant by the school’s name, not an empty field', async () => {
    const grants: Grant[] = [{ role: 'school', schoolId: 739, unitCode: '430422' }];
    const w = mount(GrantEditor, {
      props: {
        modelValue: grants,
        errors: {},
        schools: [{ id: 739, name: '衡南县茶市镇中心幼儿园', code: '1143220001', unitCode: '430422' }],
      },
      global: { plugins: [VueQueryPlugin] },
      attachTo: document.body,
    });
    await flushPromises();
    const field = w.find('[data-test="grant-school-0"]');
    expect(field.text()).toContain('衡南县茶市镇中心幼儿园（1143220001）');
    expect(w.find('[data-test="grant-0"]').text()).toContain('学校');
    w.unmount();
  });

  it('offers the county’s 师德 role when the grant holds the teachers module, and sets it as true or removes it', async () => {
    const grants: Grant[] = [
      { role: 'county', unitCode: '430422', modules: ['safety'] },
      { role: 'county', unitCode: '430481', modules: ['teachers'] },
    ];
    const w = mount(GrantEditor, {
      props: { modelValue: grants, errors: {}, 'onUpdate:modelValue': (v: Grant[]) => w.setProps({ modelValue: v }) },
      global: { plugins: [VueQueryPlugin] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(w.find('[data-test="grant-ethics-0"]').exists()).toBe(false);
    const box = w.find('[data-test="grant-ethics-1"]');
    expect(box.element.closest('label')?.textContent).toContain('师德专责');
    await box.setValue(true);
    expect(w.props('modelValue')[1]).toEqual({ role: 'county', unitCode: '430481', modules: ['teachers'], ethics: true });
    await w.find('[data-test="grant-ethics-1"]').setValue(false);
    expect(w.props('modelValue')[1]).toEqual({ role: 'county', unitCode: '430481', modules: ['teachers'], ethics: undefined });
    w.unmount();
  });
});
