import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
/**
 * A return's review: the unit submits (a county for itself; the city's 科室 for 市本级), the city's 科室 accepts or
 * returns it with a reason (never its own submission), and may reopen an accepted return when the 决算 is revised.
 * Only accepted returns are judged.
 */
export const SPENDING_WORKFLOW = defineWorkflow({
  key: 'funding.spending',
  noun: { zh: '教育经费决算填报', en: 'spending return' },
  states: ['draft', 'submitted', 'accepted'],
  stateLabels: {
    draft: { zh: '待提交', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Under review' },
    accepted: { zh: '已审核', en: 'Accepted' },
  },
  initial: 'draft',
  turn: { draft: ['county'], submitted: ['city'], accepted: [] },
  steps: {
    submit: { label: { zh: '提交', en: 'Submit' }, from: ['draft'], to: 'submitted', by: ['county', 'city'] },
    accept: {
      label: { zh: '审核通过', en: 'Accept' },
      from: ['submitted'],
      to: 'accepted',
      by: ['city'],
      notBySubmitter: { message: '不能审核自己提交的决算填报' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'draft', by: ['city'], reason: true },
    reopen: {
      label: { zh: '退回修订', en: 'Reopen for revision' },
      from: ['accepted'],
      to: 'draft',
      by: ['city'],
      reason: true,
      corrective: true,
    },
  },
});
