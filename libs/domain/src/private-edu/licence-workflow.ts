import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
const AUTHORITY = ['county', 'city'] as const;
export const LICENCE_WORKFLOW = defineWorkflow({
  key: 'privateEdu.licence',
  noun: { zh: '办学许可事项', en: 'licence case' },
  states: ['draft', 'submitted', 'reviewing', 'approved', 'refused'],
  stateLabels: {
    draft: { zh: '待提交', en: 'Draft' },
    submitted: { zh: '待受理', en: 'Awaiting acceptance' },
    reviewing: { zh: '审核中', en: 'Under review' },
    approved: { zh: '已批准', en: 'Approved' },
    refused: { zh: '不予批准', en: 'Refused' },
  },
  initial: 'draft',
  turn: { draft: ['school'], submitted: AUTHORITY, reviewing: AUTHORITY, approved: [], refused: [] },
  steps: {
    submit: { label: { zh: '提交申请', en: 'Apply' }, from: ['draft'], to: 'submitted', by: ['school'] },
    accept: { label: { zh: '受理', en: 'Accept' }, from: ['submitted'], to: 'reviewing', by: AUTHORITY },
    return: {
      label: { zh: '退回', en: 'Return' },
      from: ['submitted', 'reviewing'],
      to: 'draft',
      by: AUTHORITY,
      reason: true,
    },
    approve: { label: { zh: '批准', en: 'Approve' }, from: ['reviewing'], to: 'approved', by: AUTHORITY },
    refuse: { label: { zh: '不予批准', en: 'Refuse' }, from: ['reviewing'], to: 'refused', by: AUTHORITY, reason: true },
  },
});
