import { defineWorkflow } from '../workflow/workflow.ts';

// The case workflow alone (the 待办 inbox's sources load it into every page's domain chunk; the rest of the rules stay in
// enforcement.ts).
const WORK = ['county', 'city'] as const;
export const OPEN = ['clue', 'verifying', 'investigating', 'notified', 'decided', 'executed'] as const;

export const ENFORCEMENT_WORKFLOW = defineWorkflow({
  key: 'privateEdu.enforcement',
  noun: { zh: '执法案件', en: 'enforcement case' },
  states: ['clue', 'verifying', 'investigating', 'notified', 'decided', 'executed', 'closed', 'not_filed'],
  stateLabels: {
    clue: { zh: '线索', en: 'Lead' },
    verifying: { zh: '核查', en: 'Verifying' },
    investigating: { zh: '调查取证', en: 'Investigating' },
    notified: { zh: '已告知', en: 'Notified' },
    decided: { zh: '已决定', en: 'Decided' },
    executed: { zh: '已执行', en: 'Enforced' },
    closed: { zh: '已结案', en: 'Closed' },
    not_filed: { zh: '不予立案', en: 'Not opened' },
  },
  initial: 'clue',
  turn: {
    clue: WORK,
    verifying: WORK,
    investigating: WORK,
    notified: WORK,
    decided: WORK,
    executed: WORK,
    closed: [],
    not_filed: [],
  },
  steps: {
    verify: { label: { zh: '开始核查', en: 'Start verifying' }, from: ['clue'], to: 'verifying', by: WORK },
    file: {
      label: { zh: '立案', en: 'Open the case' },
      from: ['verifying'],
      to: 'investigating',
      by: WORK,
      fills: ['filedOn', 'caseNo'],
    },
    decline: { label: { zh: '不予立案', en: 'Do not open' }, from: ['clue', 'verifying'], to: 'not_filed', by: WORK, reason: true },
    notify: {
      label: { zh: '告知', en: 'Notify' },
      from: ['investigating'],
      to: 'notified',
      by: WORK,
      evidence: { slot: 'evidence', message: '调查取证须上传至少一份证据材料' },
      fills: ['notifiedOn'],
    },
    decide: {
      label: { zh: '作出处罚决定', en: 'Decide' },
      from: ['notified'],
      to: 'decided',
      by: WORK,
      fills: ['decidedOn', 'decisionNo', 'penalties'],
    },
    execute: {
      label: { zh: '执行完毕', en: 'Record enforcement' },
      from: ['decided'],
      to: 'executed',
      by: WORK,
      fills: ['executedOn', 'executionResult'],
    },
    close: {
      label: { zh: '结案', en: 'Close' },
      from: ['executed'],
      to: 'closed',
      by: WORK,
      needs: [
        { field: 'decision', message: '请先记录处罚决定，再结案' },
        { field: 'executionResult', message: '请先记录执行结果，再结案' },
      ],
      fills: ['closedOn'],
    },
    escalate: {
      label: { zh: '提级办理', en: 'Take up at the city' },
      from: OPEN,
      by: ['city'],
      reason: true,
      corrective: true,
      needs: [{ field: 'countyHandles', message: '该案件已由市教育局提级办理' }],
    },
    hand_back: {
      label: { zh: '交回县市区办理', en: 'Hand back to the county' },
      from: OPEN,
      by: ['city'],
      reason: true,
      corrective: true,
      needs: [{ field: 'cityHandles', message: '该案件由县市区办理，无需交回' }],
    },
  },
});
