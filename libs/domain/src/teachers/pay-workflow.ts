import { defineWorkflow } from '../workflow/workflow.ts';

// The return's workflow alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * The review of a county's yearly pay return: the county fills and submits it (or the city's 教师工作科室 enters and
 * submits it for the county), the 科室 accepts it — never the one who submitted it (four eyes) — or returns it with a
 * reason. Only accepted returns count for 教师工资保障.
 */
export const PAY_RETURN_WORKFLOW = defineWorkflow({
  key: 'teachers.pay',
  noun: { zh: '教师工资保障情况表', en: 'teacher pay return' },
  states: ['draft', 'submitted', 'returned', 'accepted'],
  stateLabels: {
    draft: { zh: '待提交', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Under review' },
    returned: { zh: '已退回', en: 'Returned' },
    accepted: { zh: '已审核', en: 'Accepted' },
  },
  initial: 'draft',
  turn: { draft: ['county'], submitted: ['city'], returned: ['county'], accepted: [] },
  steps: {
    submit: { label: { zh: '提交', en: 'Submit' }, from: ['draft', 'returned'], to: 'submitted', by: ['county', 'city'] },
    accept: {
      label: { zh: '审核通过', en: 'Accept' },
      from: ['submitted'],
      to: 'accepted',
      by: ['city'],
      notBySubmitter: { message: '不能审核自己提交的教师工资保障情况表' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'returned', by: ['city'], reason: true },
  },
});
