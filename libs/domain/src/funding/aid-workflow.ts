import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone (the 待办 inbox's sources may load it into every page's domain chunk): no other rule beside it.
/**
 * The follow-up of a 应助未助 student (a listed family's child with a 学籍 record and no aid of the stage this semester):
 * the school carries out the 认定 for its student (or the county/city for it), the county arranges the payment and may
 * send a 认定 back; a student who cannot be aided here (transferred out of the city, no longer at school) is closed
 * with a reason by the county or city. 资助到位 is taken only by recording the payment (never by hand): the student
 * stays on the 应助未助 list until aided.
 */
export const AID_FOLLOW_UP_WORKFLOW = defineWorkflow({
  key: 'funding.aidFollowUp',
  noun: { zh: '应助未助跟进', en: 'aid follow-up' },
  states: ['open', 'recognised', 'aided', 'closed'],
  stateLabels: {
    open: { zh: '待认定', en: 'To be recognised' },
    recognised: { zh: '已认定待发放', en: 'Recognised, awaiting payment' },
    aided: { zh: '已资助', en: 'Aided' },
    closed: { zh: '已核销', en: 'Closed' },
  },
  initial: 'open',
  turn: { open: ['school'], recognised: ['county'], aided: [], closed: [] },
  steps: {
    recognise: { label: { zh: '完成认定', en: 'Recognise' }, from: ['open'], to: 'recognised', by: ['school', 'county', 'city'] },
    return: { label: { zh: '退回认定', en: 'Return' }, from: ['recognised'], to: 'open', by: ['county', 'city'], reason: true },
    close: { label: { zh: '核销', en: 'Close' }, from: ['open', 'recognised'], to: 'closed', by: ['county', 'city'], reason: true },
    reopen: {
      label: { zh: '恢复跟进', en: 'Reopen' },
      from: ['closed'],
      to: 'open',
      by: ['county', 'city'],
      reason: true,
      corrective: true,
    },
    settle: {
      label: { zh: '资助到位', en: 'Aid paid' },
      from: ['open', 'recognised'],
      to: 'aided',
      by: ['county', 'city'],
      refusals: { state: '该学生本学期已资助或已核销' },
    },
  },
});
