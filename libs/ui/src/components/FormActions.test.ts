import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preloadComponents } from '../lazy.ts';
import FormActions from './FormActions.vue';

describe('FormActions', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the form-level refusal, then 取消 and a native submit; 取消 asks the form to close', async () => {
    const w = mount(FormActions, {
      props: { submitLabel: '保存', error: '该记录已被他人修改', submitTest: 'x-save', errorTest: 'x-error' },
    });
    expect(w.get('[data-test="x-error"]').text()).toContain('该记录已被他人修改');
    const [cancel, save] = w.findAll('button');
    expect([cancel!.text(), save!.text(), save!.attributes('type'), save!.attributes('data-test')]).toEqual([
      '取消',
      '保存',
      'submit',
      'x-save',
    ]);
    await cancel!.trigger('click');
    expect(w.emitted('cancel')).toHaveLength(1);
  });

  it('without an error shows no alert; busy shows the submit as loading', () => {
    const w = mount(FormActions, { props: { submitLabel: '保存', busy: true } });
    expect(w.find('.el-alert').exists()).toBe(false);
    expect(w.findAll('button')[1]!.classes()).toContain('is-loading');
  });
});
