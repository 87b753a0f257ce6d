import { defineWorkflow } from '../workflow/workflow.ts';

// The plan's workflow alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * A county's 县管校聘 exchange plan for one school year: the county drafts it (编制中) and 报送 it; the city 审核 it —
 * never the one who submitted it (four eyes) — or 退回 it with a reason, and the county corrects and reports it again.
 * The city may also fill in and report a plan for a county; then another city account approves it.
 */
export const EXCHANGE_PLAN_WORKFLOW = defineWorkflow({
  key: 'teachers.exchange',
  noun: { zh: '交流轮岗计划', en: 'exchange plan' },
  states: ['draft', 'submitted', 'returned', 'approved'],
  stateLabels: {
    draft: { zh: '编制中', en: 'Drafting' },
    submitted: { zh: '已报送', en: 'Submitted' },
    returned: { zh: '已退回', en: 'Returned' },
    approved: { zh: '已审核', en: 'Approved' },
  },
  initial: 'draft',
  turn: { draft: ['county'], submitted: ['city'], returned: ['county'], approved: [] },
  steps: {
    submit: { label: { zh: '报送', en: 'Submit' }, from: ['draft', 'returned'], to: 'submitted', by: ['county', 'city'] },
    approve: {
      label: { zh: '审核通过', en: 'Approve' },
      from: ['submitted'],
      to: 'approved',
      by: ['city'],
      notBySubmitter: { message: '不能审核自己报送的交流轮岗计划' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'returned', by: ['city'], reason: true },
  },
});
