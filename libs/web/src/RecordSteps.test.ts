import { TRPCClientError } from '@trpc/client';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { defineWorkflow } from '@hyedu/domain';
import { preloadComponents, useLocaleStore } from '@hyedu/ui';
import RecordSteps from './RecordSteps.vue';
import { useWorkflowSteps } from './use-workflow-steps.ts';

const wf = defineWorkflow({
  key: 'test.case',
  noun: { zh: '事项', en: 'case' },
  states: ['open', 'done'],
  stateLabels: { open: { zh: '办理中', en: 'Open' }, done: { zh: '已办结', en: 'Done' } },
  initial: 'open',
  turn: { open: ['county'], done: [] },
  steps: {
    close: { label: { zh: '办结', en: 'Close' }, from: ['open'], to: 'done', by: ['county'] },
    reject: { label: { zh: '退回', en: 'Return' }, from: ['open'], to: 'open', by: ['county'], reason: true },
    grade: { label: { zh: '评定', en: 'Grade' }, from: ['open'], to: 'done', by: ['county'] },
  },
});
type A = 'close' | 'reject' | 'grade';
const refused = (issues: { path: string; message: string }[]) =>
  TRPCClientError.from({ error: { message: '输入有误', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, issues } } });

/** A record page in small: its steps, the grade's own input in the form's slot. */
function page(run: (a: A, reason: string | undefined) => Promise<unknown>) {
  const grade = ref('');
  const Page = defineComponent({
    setup() {
      const steps = useWorkflowSteps<A>({
        workflow: wf,
        asks: (a) => a === 'grade',
        shown: ['grade'],
        run,
        refresh: async () => undefined,
      });
      return () =>
        h(
          RecordSteps<'open' | 'done', A>,
          {
            steps,
            workflow: wf,
            record: { allowed: ['close', 'reject', 'grade'], status: 'open' },
            needs: { close: '请先上传材料' },
            reasonId: 'case-reason',
            formTest: 'case-form',
            submitTest: 'case-save',
            noticeTest: 'case-notice',
          },
          {
            default: ({ step, errors }: { step: A; errors: Record<string, string> }) =>
              step === 'grade'
                ? [
                    h('label', { for: 'case-grade' }, '等级'),
                    h('input', {
                      id: 'case-grade',
                      value: grade.value,
                      onInput: (e: Event) => (grade.value = (e.target as HTMLInputElement).value),
                    }),
                    errors.grade ? h('p', { class: 'grade-error' }, errors.grade) : null,
                  ]
                : null,
          },
        );
    },
  });
  return mount(Page, { attachTo: document.body });
}
const form = (w: ReturnType<typeof page>) => w.find('[data-test="case-form"]');

describe('RecordSteps: a record page’s steps, their form and the outcome', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('takes a step that asks for nothing at once, with no form, and says so; lists what a step still needs', async () => {
    const run = vi.fn(async () => ({}));
    const w = page(run);
    expect(w.text()).toContain('办结：请先上传材料');
    await w.get('[data-test="step-close"]').trigger('click');
    await flushPromises();
    expect(run).toHaveBeenCalledWith('close', undefined);
    expect(form(w).exists()).toBe(false);
    expect(w.get('[data-test="case-notice"]').text()).toContain('已办理：办结');
    w.unmount();
  });

  it('opens the form of a step that declares a reason, its label bound to the textarea and focus in it; submits the reason', async () => {
    const run = vi.fn(async () => ({}));
    const w = page(run);
    const button = w.get('[data-test="step-reject"]');
    (button.element as HTMLElement).focus();
    await button.trigger('click');
    await flushPromises();
    expect(run).not.toHaveBeenCalled();
    const label = form(w).get('label[for="case-reason"]');
    expect(label.text()).toContain('退回原因');
    const textarea = form(w).get('textarea');
    expect(textarea.attributes('id')).toBe('case-reason');
    expect(document.activeElement).toBe(textarea.element);
    expect(form(w).get('[data-test="case-save"]').text()).toBe('退回');
    expect(form(w).get('[data-test="case-save"]').classes()).toContain('el-button--danger');
    await textarea.setValue('材料不全');
    await form(w).trigger('submit');
    await flushPromises();
    expect(run).toHaveBeenCalledWith('reject', '材料不全');
    expect(form(w).exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
    w.unmount();
  });

  it('shows the page’s own inputs for a step that asks, without a reason; 取消 and Escape close it and give focus back', async () => {
    const run = vi.fn(async () => ({}));
    const w = page(run);
    const button = w.get('[data-test="step-grade"]');
    (button.element as HTMLElement).focus();
    await button.trigger('click');
    await flushPromises();
    expect(form(w).find('#case-grade').exists()).toBe(true);
    expect(form(w).find('textarea').exists()).toBe(false);
    expect(document.activeElement).toBe(form(w).get('#case-grade').element);
    await form(w)
      .findAll('button')
      .find((b) => b.text() === '取消')!
      .trigger('click');
    await flushPromises();
    expect(form(w).exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
    (button.element as HTMLElement).focus();
    await button.trigger('click');
    await flushPromises();
    await form(w).get('#case-grade').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(form(w).exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
    expect(run).not.toHaveBeenCalled();
    w.unmount();
  });

  it('puts a refusal beside the field it is about and the rest in the notice, keeping the form open; in English too', async () => {
    const run = vi.fn(async (a: A) => {
      if (a === 'reject') throw refused([{ path: 'reason', message: '请填写退回原因' }]);
      throw refused([
        { path: 'grade', message: '请选择等级' },
        { path: 'year', message: '年度：不能为空' },
      ]);
    });
    const w = page(run);
    await w.get('[data-test="step-reject"]').trigger('click');
    await flushPromises();
    await form(w).trigger('submit');
    await flushPromises();
    expect(form(w).get('.hy-field-error').text()).toBe('请填写退回原因');
    expect(w.find('[data-test="case-notice"]').exists()).toBe(false);
    await w.get('[data-test="step-grade"]').trigger('click');
    await flushPromises();
    expect(form(w).find('.hy-field-error').exists()).toBe(false);
    await form(w).trigger('submit');
    await flushPromises();
    expect(form(w).get('.grade-error').text()).toBe('请选择等级');
    expect(w.get('[data-test="case-notice"]').text()).toContain('年度：不能为空');
    useLocaleStore().setLocale('en-US');
    await flushPromises();
    expect(
      form(w)
        .findAll('button')
        .map((b) => b.text()),
    ).toEqual(['Cancel', 'Grade']);
    w.unmount();
  });
});
