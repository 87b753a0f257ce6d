import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone (the 待办 inbox's sources may load it into every page's domain chunk): no other rule beside it.
/**
 * 资助抽查: the city aid centre (or a county, for its own schools) draws a sample of a semester's payments and records
 * per sampled payment whether it holds (属实) or not (不属实, with the problem). All 属实: the checker closes the check at
 * once (办结). Any 不属实: the checker orders 整改, the checked side (the county, or the school) reports its 整改情况, and
 * the checker closes it or sends it back. Which side may take a step is also the check's own rule (`checkSideRefusal`):
 * the level that drew the check takes the checker's steps, another level the 整改.
 */
export const AID_CHECK_WORKFLOW = defineWorkflow({
  key: 'funding.aidCheck',
  noun: { zh: '资助抽查', en: 'aid spot check' },
  states: ['checking', 'rectifying', 'rectified', 'closed'],
  stateLabels: {
    checking: { zh: '抽查中', en: 'Checking' },
    rectifying: { zh: '待整改', en: 'Awaiting rectification' },
    rectified: { zh: '已整改', en: 'Rectified' },
    closed: { zh: '已办结', en: 'Closed' },
  },
  initial: 'checking',
  turn: { checking: ['county', 'city'], rectifying: ['school', 'county'], rectified: ['county', 'city'], closed: [] },
  steps: {
    conclude: {
      label: { zh: '办结（全部属实）', en: 'Close: all confirmed' },
      from: ['checking'],
      to: 'closed',
      by: ['county', 'city'],
      needs: [
        { field: 'recorded', message: '还有抽查对象未登记核查结果' },
        { field: 'allConfirmed', message: '有不属实的抽查对象，应下发整改' },
      ],
    },
    demand: {
      label: { zh: '下发整改', en: 'Order rectification' },
      from: ['checking'],
      to: 'rectifying',
      by: ['county', 'city'],
      needs: [
        { field: 'recorded', message: '还有抽查对象未登记核查结果' },
        { field: 'anyRefuted', message: '抽查结果全部属实，无需整改' },
      ],
    },
    rectify: {
      label: { zh: '提交整改情况', en: 'Report rectification' },
      from: ['rectifying'],
      to: 'rectified',
      by: ['school', 'county'],
    },
    reject: {
      label: { zh: '退回整改', en: 'Send back' },
      from: ['rectified'],
      to: 'rectifying',
      by: ['county', 'city'],
      reason: true,
    },
    close: { label: { zh: '办结', en: 'Close' }, from: ['rectified'], to: 'closed', by: ['county', 'city'] },
  },
});
