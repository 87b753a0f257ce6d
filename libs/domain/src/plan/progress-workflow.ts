import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
/**
 * The review of a progress report: a county (or the lead 科室, for the city) submits; the task's lead 科室 reviews its
 * counties' reports and the 办公室 the 科室's own (which 科室, the router decides); a return must say why and reopens
 * the report for a new submission. A report under review or reviewed cannot be overwritten.
 */
export const REPORT_REVIEW = defineWorkflow({
  key: 'plan.report',
  noun: { zh: '报告', en: 'report' },
  states: ['submitted', 'reviewed', 'returned'],
  stateLabels: {
    submitted: { zh: '待审核', en: 'Awaiting review' },
    reviewed: { zh: '已审核', en: 'Reviewed' },
    returned: { zh: '已退回', en: 'Returned' },
  },
  initial: 'submitted',
  turn: { submitted: ['city'], reviewed: [], returned: ['county', 'city'] },
  steps: {
    submit: {
      label: { zh: '提交', en: 'Submit' },
      opens: true,
      from: ['returned'],
      to: 'submitted',
      by: ['county', 'city'],
      refusals: { state: { submitted: '该报告已提交，正在等待审核', reviewed: '该报告已审核，不能再修改' } },
    },
    review: {
      label: { zh: '审核', en: 'Approve' },
      from: ['submitted'],
      to: 'reviewed',
      by: ['city'],
      refusals: { state: { reviewed: '该报告已审核，不能审核', returned: '该报告已退回，不能审核' } },
    },
    return: {
      label: { zh: '退回', en: 'Return' },
      from: ['submitted'],
      to: 'returned',
      by: ['city'],
      reason: true,
      refusals: { state: { reviewed: '该报告已审核，不能退回', returned: '该报告已退回，不能退回' } },
    },
  },
});
