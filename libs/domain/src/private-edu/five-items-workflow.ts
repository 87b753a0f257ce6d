import { defineWorkflow } from '../workflow/workflow.ts';

// The return's workflow alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * The review of a return: the school fills and submits (or its reviewer enters and submits it for the school), the
 * reviewer accepts it — never the one who submitted it (four eyes) — or returns it with a reason. The reviewer is the
 * school's county; for a school the city runs directly (市直) the city (`fiveItemsReviewer`).
 */
export const FIVE_ITEMS_WORKFLOW = defineWorkflow({
  key: 'privateEdu.fiveItems',
  noun: { zh: '五项管理情况报表', en: 'five-items return' },
  states: ['draft', 'submitted', 'returned', 'accepted'],
  stateLabels: {
    draft: { zh: '待提交', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Under review' },
    returned: { zh: '已退回', en: 'Returned' },
    accepted: { zh: '已审核', en: 'Accepted' },
  },
  initial: 'draft',
  turn: { draft: ['school'], submitted: ['county', 'city'], returned: ['school'], accepted: [] },
  steps: {
    submit: { label: { zh: '提交', en: 'Submit' }, from: ['draft', 'returned'], to: 'submitted', by: ['school', 'county', 'city'] },
    accept: {
      label: { zh: '审核通过', en: 'Accept' },
      from: ['submitted'],
      to: 'accepted',
      by: ['county', 'city'],
      notBySubmitter: { message: '不能审核自己提交的五项管理报表' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'returned', by: ['county', 'city'], reason: true },
  },
});
