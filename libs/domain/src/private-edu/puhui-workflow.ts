import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
export const PUHUI_WORKFLOW = defineWorkflow({
  key: 'privateEdu.puhui',
  noun: { zh: '普惠性民办园认定', en: 'inclusive kindergarten recognition' },
  states: ['draft', 'submitted', 'recognised', 'refused', 'revoked'],
  stateLabels: {
    draft: { zh: '待提交', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Under review' },
    recognised: { zh: '已认定', en: 'Recognised' },
    refused: { zh: '不予认定', en: 'Refused' },
    revoked: { zh: '已撤销', en: 'Revoked' },
  },
  initial: 'draft',
  turn: { draft: ['school'], submitted: ['county'], recognised: [], refused: [], revoked: [] },
  steps: {
    submit: { label: { zh: '提交申请', en: 'Apply' }, from: ['draft'], to: 'submitted', by: ['school'] },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'draft', by: ['county'], reason: true },
    recognise: { label: { zh: '认定', en: 'Recognise' }, from: ['submitted'], to: 'recognised', by: ['county'] },
    refuse: { label: { zh: '不予认定', en: 'Refuse' }, from: ['submitted'], to: 'refused', by: ['county'], reason: true },
    revoke: { label: { zh: '撤销认定', en: 'Revoke' }, from: ['recognised'], to: 'revoked', by: ['county'], reason: true },
  },
});
