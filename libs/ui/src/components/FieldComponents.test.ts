import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { preloadComponents } from '../lazy.ts';
import FilterSelect from './FilterSelect.vue';
import SchoolField from './SchoolField.vue';
import SelectField from './SelectField.vue';
import TextField from './TextField.vue';

describe('form and filter fields', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('TextField labels its input, ties the error to it, and writes back what is typed', async () => {
    const w = mount(TextField, {
      props: {
        id: 'x-place',
        label: '隐患部位',
        error: '请填写隐患部位',
        modelValue: '',
        inputTest: 'x-input',
        'onUpdate:modelValue': () => undefined,
      },
      attrs: { 'data-test': 'field-place' },
    });
    await nextTick();
    const input = w.get('input');
    expect(w.get('label').attributes('for')).toBe('x-place');
    expect([input.attributes('id'), input.attributes('aria-describedby'), input.attributes('aria-invalid')]).toEqual([
      'x-place',
      'x-place-error',
      'true',
    ]);
    expect(w.get('[data-test="field-place"]').classes()).toContain('hy-field');
    expect(w.find('[data-test="x-input"]').exists()).toBe(true);
    await input.setValue('三楼');
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual(['三楼']);
  });

  it('SelectField offers its options; FilterSelect names itself and clears to undefined', async () => {
    const s = mount(SelectField, {
      props: { id: 'x-level', label: '严重程度', options: [{ value: 'major', label: '重大' }], modelValue: 'major' },
    });
    await nextTick();
    expect(s.text()).toContain('严重程度');
    const f = mount(FilterSelect, {
      props: { modelValue: 'pending', options: [{ value: 'pending', label: '待整改' }], label: '状态', placeholder: '全部状态' },
    });
    await nextTick();
    expect(f.find('[aria-label="状态"]').exists()).toBe(true);
    f.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', '');
    expect(f.emitted('update:modelValue')).toEqual([[undefined]]);
  });

  it('SchoolField labels its select, passes the typed text on as a search, and writes back the chosen school', async () => {
    const w = mount(SchoolField, {
      props: {
        id: 'x-school',
        label: '学校',
        error: '请选择学校',
        options: [{ value: 7, label: '衡南县育英小学', note: '衡南县', attrs: { 'data-planned': 0 } }],
        modelValue: undefined,
        selectTest: 'x-school-select',
        'onUpdate:modelValue': () => undefined,
      },
      attachTo: document.body,
    });
    await nextTick();
    expect(w.get('label').attributes('for')).toBe('x-school');
    const select = w.findComponent({ name: 'ElSelect' });
    expect(select.attributes('data-test')).toBe('x-school-select');
    (select.props('remoteMethod') as (q: string) => void)('育英');
    expect(w.emitted('search')).toEqual([['育英']]);
    select.vm.$emit('update:modelValue', 7);
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([7]);
    w.unmount();
  });
});
