import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { preloadComponents, useLocaleStore } from '@hyedu/ui';
import ListSearch from './ListSearch.vue';
import StateFilter from './StateFilter.vue';

const workflow = {
  states: ['draft', 'submitted'],
  stateLabels: { draft: { zh: '待提交', en: 'Draft' }, submitted: { zh: '待审核', en: 'Under review' } },
};

describe('the list filters of the kit', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('ListSearch emits the trimmed text once on change, undefined when emptied, and follows the filter', async () => {
    const w = mount(ListSearch, { props: { modelValue: '王', label: '搜索姓名' }, attachTo: document.body });
    const input = w.get('input');
    expect((input.element as HTMLInputElement).value).toBe('王');
    expect(input.attributes('aria-label')).toBe('搜索姓名');
    await input.setValue('  李四 '); // typing, then leaving the box (setValue dispatches input and change)
    await input.setValue('   ');
    expect(w.emitted('update:modelValue')).toEqual([['李四'], [undefined]]);
    await w.setProps({ modelValue: '赵' });
    expect((input.element as HTMLInputElement).value).toBe('赵');
    w.unmount();
  });

  it('StateFilter offers the workflow states in the page language', async () => {
    const w = mount(StateFilter, {
      props: { workflow, modelValue: undefined, label: '状态', placeholder: '全部状态' },
      attachTo: document.body,
    });
    await w.get('.el-select__wrapper').trigger('click');
    await nextTick();
    expect(document.body.textContent).toContain('待审核');
    useLocaleStore().locale = 'en-US';
    await nextTick();
    expect(document.body.textContent).toContain('Under review');
    w.unmount();
  });
});
