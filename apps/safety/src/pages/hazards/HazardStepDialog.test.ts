import { VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preloadComponents } from '@hyedu/ui';
import HazardStepDialog from './HazardStepDialog.vue';

const hazard = (files: { phase: 'before' | 'after' }[]) => ({
  id: 7,
  version: 3,
  foundOn: '2022-09-01',
  deadline: '2022-09-30',
  measures: null,
  files,
});
function render(step: 'submit' | 'close' | 'return', files: { phase: 'before' | 'after' }[]) {
  return mount(HazardStepDialog, {
    props: { step, hazard: hazard(files) },
    global: { plugins: [VueQueryPlugin] },
    attachTo: document.body,
  });
}
const confirm = () => document.querySelector<HTMLButtonElement>('[data-test="step-confirm"]')!;
const evidence = () => document.querySelector('[data-test="step-evidence"]')?.textContent?.trim() ?? null;

describe('the hazard step dialog and 整改后 evidence', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('without a 整改后 file, 提交验收 says what is missing and is not offered; a 整改前 photo does not count', async () => {
    const w = render('submit', [{ phase: 'before' }]);
    await flushPromises();
    expect(evidence()).toBe('尚无“整改后”照片或文件：请先在“整改后”上传，再提交验收。');
    expect(confirm().disabled).toBe(true);
    w.unmount();
  });

  it('验收销号 without a 整改后 file asks the reviewer to return it; 退回 stays open', async () => {
    let w = render('close', []);
    await flushPromises();
    expect(evidence()).toBe('该隐患没有“整改后”照片或文件，不能验收销号，请退回并要求补充。');
    expect(confirm().disabled).toBe(true);
    w.unmount();
    w = render('return', []);
    await flushPromises();
    expect(evidence()).toBeNull();
    expect(confirm().disabled).toBe(false);
    w.unmount();
  });

  it('with a 整改后 file the step is offered with no warning', async () => {
    const w = render('submit', [{ phase: 'before' }, { phase: 'after' }]);
    await flushPromises();
    expect(evidence()).toBeNull();
    expect(confirm().disabled).toBe(false);
    w.unmount();
  });
});
