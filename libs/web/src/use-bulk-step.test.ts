import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HAZARD_WORKFLOW } from '@hyedu/domain';
import { useBulkStep } from './use-bulk-step.ts';

vi.mock('@hyedu/ui', async (original) => ({ ...(await original<Record<string, unknown>>()), askConfirm: async () => true }));

type Row = { id: number; version: number; allowed: ('close' | 'start')[] };

describe('useBulkStep', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('picks only rows a bulk step is allowed on, sends those the step applies to, and says which were not done and why', async () => {
    const send = vi.fn(async () => ({
      done: 1,
      results: [
        { id: 1, ok: true as const },
        { id: 2, ok: false as const, message: '该记录已被他人修改，请刷新后重新提交' },
      ],
    }));
    const after = vi.fn();
    const bulk = useBulkStep<'close' | 'start', Row>({
      workflow: HAZARD_WORKFLOW,
      steps: ['close'],
      allowedOn: (r) => r.allowed,
      send,
      after,
    });
    const rows: Row[] = [
      { id: 1, version: 4, allowed: ['close'] },
      { id: 2, version: 5, allowed: ['close'] },
      { id: 3, version: 1, allowed: ['start'] },
    ];
    expect(rows.map(bulk.pickable)).toEqual([true, true, false]);
    bulk.picked.value = rows;
    expect(bulk.label('close')).toBe('批量验收销号（2）');
    await bulk.run('close');
    expect(send).toHaveBeenCalledWith('close', [
      { id: 1, expectedVersion: 4 },
      { id: 2, expectedVersion: 5 },
    ]);
    expect(bulk.notice.value).toEqual({
      type: 'warning',
      text: '已办理 1 条：验收销号 · 1 条未能办理：#2 该记录已被他人修改，请刷新后重新提交',
    });
    expect(bulk.picked.value).toEqual([]);
    expect(after).toHaveBeenCalledOnce();
  });
});
