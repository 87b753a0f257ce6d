import { TRPCClientError } from '@trpc/client';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineWorkflow } from '@hyedu/domain';
import { useLocaleStore } from '@hyedu/ui';
import { StepInputError, useWorkflowSteps } from './use-workflow-steps.ts';

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

describe('useWorkflowSteps', () => {
  beforeEach(() => setActivePinia(createPinia()));
  const setup = (run: (a: A, reason: string | undefined) => Promise<unknown>) => {
    const refresh = vi.fn(async () => undefined);
    const open = vi.fn();
    const steps = useWorkflowSteps<A>({ workflow: wf, asks: (a) => a === 'grade', open, run, refresh });
    return { steps, refresh, open };
  };

  it('takes a plain step at once and says so; refreshes the record', async () => {
    const run = vi.fn(async () => ({ version: 2 }));
    const { steps, refresh } = setup(run);
    await steps.take('close');
    expect(run).toHaveBeenCalledWith('close', undefined);
    expect(steps.notice.value).toEqual({ type: 'success', text: '已办理：办结' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(steps.busy.value).toBeNull();
    // the notice follows a switch of language, and closing it clears it
    useLocaleStore().locale = 'en-US';
    expect(steps.notice.value).toEqual({ type: 'success', text: 'Done: Close' });
    steps.notice.value = null;
    expect(steps.notice.value).toBeNull();
  });

  it('opens the form of a step that asks for a reason or input first, and sends the reason on the second press', async () => {
    const run = vi.fn(async () => ({ version: 2 }));
    const { steps, open } = setup(run);
    await steps.take('reject');
    expect(steps.asking.value).toBe('reject');
    expect(open).toHaveBeenCalledWith('reject');
    expect(run).not.toHaveBeenCalled();
    steps.reason.value = '材料不全';
    await steps.take('reject');
    expect(run).toHaveBeenCalledWith('reject', '材料不全');
    expect(steps.asking.value).toBeNull();
    await steps.take('grade');
    expect(steps.asking.value).toBe('grade');
    await steps.take('grade');
    expect(run).toHaveBeenLastCalledWith('grade', undefined);
  });

  it('shows the server’s refusal and the page’s own input check, keeps the form open, and still refreshes', async () => {
    const refusal = new TRPCClientError('该记录已被他人修改，请刷新后重新提交');
    const { steps, refresh } = setup(async (a) => {
      if (a === 'grade') throw new StepInputError('金额应为数字');
      throw refusal;
    });
    await steps.take('reject');
    steps.reason.value = '原因';
    await steps.take('reject');
    expect(steps.notice.value).toEqual({ type: 'error', text: '该记录已被他人修改，请刷新后重新提交' });
    expect(steps.asking.value).toBe('reject');
    expect(refresh).toHaveBeenCalledTimes(1);
    await steps.take('grade');
    await steps.take('grade');
    expect(steps.notice.value).toEqual({ type: 'error', text: '金额应为数字' });
  });

  it('cancels an open form, and keeps a plain step’s refusal in the notice even while a form is open', async () => {
    const refused = TRPCClientError.from({
      error: {
        message: '输入有误',
        code: -32600,
        data: { code: 'BAD_REQUEST', httpStatus: 400, issues: [{ path: 'reason', message: '请填写退回原因' }] },
      },
    });
    const { steps, refresh } = setup(async () => {
      throw refused;
    });
    await steps.take('reject');
    await steps.take('reject');
    expect(steps.errors.value).toEqual({ reason: '请填写退回原因' });
    expect(steps.notice.value).toBeNull();
    steps.cancel();
    expect(steps.asking.value).toBeNull();
    expect(steps.errors.value).toEqual({});
    await steps.take('close');
    expect(steps.errors.value).toEqual({});
    expect(steps.notice.value).toEqual({ type: 'error', text: '请填写退回原因' });
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
