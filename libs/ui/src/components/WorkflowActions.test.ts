import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HAZARD_WORKFLOW, REPORT_REVIEW } from '@hyedu/domain';
import { useLocaleStore } from '../i18n.ts';
import { preloadComponents } from '../lazy.ts';
import WorkflowActions from './WorkflowActions.vue';
import WorkflowTimeline from './WorkflowTimeline.vue';

describe('workflow actions and timeline, from the declaration', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the allowed steps with the declaration’s labels and weights, and emits the one clicked', async () => {
    const w = mount(WorkflowActions, {
      props: { workflow: HAZARD_WORKFLOW, allowed: ['set_deadline', 'return', 'close'], state: 'awaiting_acceptance' },
    });
    const buttons = w.findAll('button');
    expect(buttons.map((b) => [b.attributes('data-test'), b.text()])).toEqual([
      ['step-close', '验收销号'],
      ['step-return', '退回'],
      ['step-set_deadline', '确定整改期限'],
    ]);
    expect(buttons[1]!.classes()).toContain('el-button--danger');
    await buttons[0]!.trigger('click');
    expect(w.emitted('take')).toEqual([['close']]);
  });

  it('shows corrective steps apart, after whose turn it is; the one that ends the case as dangerous', async () => {
    const w = mount(WorkflowActions, {
      props: { workflow: HAZARD_WORKFLOW, allowed: [], corrections: ['correct', 'void'], state: 'pending', fields: { deadline: null } },
    });
    expect(w.text()).toContain('等待县区教育局确定整改期限');
    const buttons = w.findAll('.hy-wf-actions__fixes button');
    expect(buttons.map((b) => b.text())).toEqual(['更正', '作废']);
    expect(buttons[0]!.classes()).not.toContain('el-button--danger');
    expect(buttons[1]!.classes()).toContain('el-button--danger');
    await buttons[0]!.trigger('click');
    expect(w.emitted('take')).toEqual([['correct']]);
  });

  it('with nothing to do, says whose turn it is (in English too) or that the case is finished', async () => {
    let w = mount(WorkflowActions, { props: { workflow: HAZARD_WORKFLOW, allowed: [], state: 'pending', fields: { deadline: null } } });
    expect(w.text()).toBe('等待县区教育局确定整改期限');
    useLocaleStore().setLocale('en-US');
    await w.vm.$nextTick();
    expect(w.text()).toBe('Waiting for the county bureau: Set the deadline');
    useLocaleStore().setLocale('zh-CN');
    w = mount(WorkflowActions, { props: { workflow: HAZARD_WORKFLOW, allowed: [], state: 'closed' } });
    expect(w.text()).toBe('流程已结束：已销号');
  });

  it('reads the history as steps: who, which step, from → to, the reason', () => {
    const entries = [
      { at: '2022-09-01T02:00:00Z', actor: 'school', action: 'safety.reportHazard', after: {} },
      {
        at: '2022-09-05T02:00:00Z',
        actor: 'hengnan',
        action: 'safety.hazard.return',
        before: { status: 'awaiting_acceptance' },
        after: { status: 'rectifying', reason: '照片不清楚' },
      },
    ];
    const w = mount(WorkflowTimeline, {
      props: { workflow: HAZARD_WORKFLOW, entries, stateKey: 'status', labels: { 'safety.reportHazard': '登记隐患' } },
    });
    const text = w.text();
    expect(text).toContain('school 登记隐患');
    expect(text).toContain('hengnan 退回');
    expect(text).toContain('待验收 → 整改中');
    expect(text).toContain('原因：照片不清楚');
  });

  it('names a step in the page’s own words when its labels say so, still with its states and the reason named after the step', () => {
    const entries = [
      { at: '2022-06-01T02:00:00Z', actor: 'hengnan', action: 'plan.submitReport', after: { status: 'in_progress' } },
      {
        at: '2022-06-02T02:00:00Z',
        actor: 'privedu',
        action: 'plan.returnReport',
        before: { review: 'submitted' },
        after: { review: 'returned', reason: '请补充教师安置人数' },
      },
    ];
    const w = mount(WorkflowTimeline, {
      props: {
        workflow: REPORT_REVIEW,
        entries,
        stateKey: 'review',
        steps: { 'plan.submitReport': 'submit', 'plan.returnReport': 'return' },
        labels: { 'plan.submitReport': '提交了报告', 'plan.returnReport': '退回了报告' },
      },
    });
    const text = w.text();
    expect(text).toContain('hengnan 提交了报告');
    expect(text).toContain('privedu 退回了报告');
    expect(w.find('[data-test="history-moved"]').text()).toBe('待审核 → 已退回');
    expect(w.find('[data-test="history-reason"]').text()).toBe('退回原因：请补充教师安置人数');
  });
});
