import { defineWorkflow } from '../workflow/workflow.ts';

// The rectification workflow alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * 督查整改 of a county found paying its teachers below the civil servants or their year-end bonus late: the city's
 * 科室 opens the case (督查发现), the county takes it on (整改中) and reports its measures (待复核), the 科室 accepts
 * the rectification (已销号) or returns it with a reason (back to 整改中).
 */
export const PAY_RECTIFICATION_WORKFLOW = defineWorkflow({
  key: 'teachers.payRectification',
  noun: { zh: '工资保障督查整改', en: 'pay rectification case' },
  states: ['found', 'rectifying', 'reported', 'closed'],
  stateLabels: {
    found: { zh: '督查发现', en: 'Found' },
    rectifying: { zh: '整改中', en: 'Rectifying' },
    reported: { zh: '待复核', en: 'Awaiting review' },
    closed: { zh: '已销号', en: 'Closed' },
  },
  initial: 'found',
  turn: { found: ['county'], rectifying: ['county'], reported: ['city'], closed: [] },
  steps: {
    start: { label: { zh: '签收整改', en: 'Take on' }, from: ['found'], to: 'rectifying', by: ['county'] },
    report: { label: { zh: '报告整改情况', en: 'Report rectification' }, from: ['rectifying'], to: 'reported', by: ['county'] },
    accept: {
      label: { zh: '复核销号', en: 'Accept and close' },
      from: ['reported'],
      to: 'closed',
      by: ['city'],
      notBySubmitter: { message: '不能复核自己报告的整改情况' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['reported'], to: 'rectifying', by: ['city'], reason: true },
  },
});
