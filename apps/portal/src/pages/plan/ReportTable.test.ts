import { VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadComponents } from '@hyedu/ui';
import type { RouterOutputs } from '@hyedu/web';
import ReportTable from './ReportTable.vue';

/** A report's 「操作记录」 as the server answers it: the audit actions under their stored names. */
const HISTORY = [
  { at: '2022-06-01T02:00:00.000Z', actor: 'hengnan', action: 'plan.submitReport', after: { status: 'in_progress', period: '2022-06' } },
  {
    at: '2022-06-02T02:00:00.000Z',
    actor: 'privedu',
    action: 'plan.returnReport',
    before: { review: 'submitted' },
    after: { review: 'returned', reason: '请补充教师安置人数' },
  },
  { at: '2022-06-03T02:00:00.000Z', actor: 'hengnan', action: 'plan.attach', after: { fileName: '转公办批复.pdf' } },
  {
    at: '2022-06-03T03:00:00.000Z',
    actor: 'hengnan',
    action: 'plan.resubmitReport',
    before: { review: 'returned', status: 'in_progress' },
    after: { status: 'done' },
  },
];
vi.mock('@hyedu/web', async (original) => ({
  ...(await original<object>()),
  api: {
    plan: {
      reports: {
        history: {
          queryOptions: (_input: unknown, options: object) => ({ queryKey: ['history'], queryFn: async () => HISTORY, ...options }),
        },
      },
    },
  },
}));

type Report = RouterOutputs['plan']['tasks']['byId']['reports'][number];
const report = (id: number, unitName: string, review: Report['review'], allowed: Report['allowed']): Report => ({
  id,
  unitCode: '430422',
  unitName,
  period: '2022-06',
  status: 'in_progress',
  narrative: '全县3所“公参民”学校已完成资产清查。',
  figures: [],
  review,
  returnReason: null,
  submittedBy: 'hengnan',
  submittedAt: '2022-06-01T02:00:00.000Z',
  reviewedBy: null,
  reviewedAt: null,
  version: 1,
  attachments: [],
  allowed,
});

describe('a task’s reports: the review steps the server allows, the history as the review workflow’s steps', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('offers approve and return only on a report whose allowed steps include them (resubmitting is the form’s)', async () => {
    const w = mount(ReportTable, {
      props: { reports: [report(1, '衡南县', 'submitted', ['review', 'return']), report(2, '耒阳市', 'returned', ['submit'])] },
      global: { plugins: [VueQueryPlugin] },
      attachTo: document.body,
    });
    await flushPromises();
    const rows = w.findAll('.el-table__body tbody tr');
    expect(rows[0]!.findAll('button').map((b) => b.text())).toEqual(['审核', '退回', '操作记录']);
    expect(rows[1]!.findAll('button').map((b) => b.text())).toEqual(['操作记录']);
    w.unmount();
  });

  it('reads the history in the page’s words, with the return’s states and reason, the file and the status reported', async () => {
    const w = mount(ReportTable, {
      props: { reports: [report(1, '衡南县', 'submitted', [])] },
      global: { plugins: [VueQueryPlugin] },
      attachTo: document.body,
    });
    await flushPromises();
    await w.findAll('.el-table__body tbody tr')[0]!.find('button').trigger('click');
    await flushPromises();
    const history = document.querySelector('[data-test="record-history"]')!.textContent!;
    for (const words of [
      'hengnan 提交了报告',
      '进展状态：推进中',
      'privedu 退回了报告',
      '待审核 → 已退回',
      '退回原因：请补充教师安置人数',
      'hengnan 上传了附件',
      '转公办批复.pdf',
      'hengnan 重新提交了报告',
      '进展状态：已完成',
    ])
      expect(history).toContain(words);
    expect(history).not.toContain('plan.');
    w.unmount();
  });
});
