import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
/**
 * Verification (核实) of a school's 4个100% status for a term: the school (or its county, for a school without an
 * account) submits and may correct its entry until it is verified; the county verifies its schools' entries and the
 * city all; a return says why and reopens the entry. A verified entry is corrected only after a return.
 */
export const PROFILE_REVIEW = defineWorkflow({
  key: 'safety.profile',
  noun: { zh: '记录', en: 'record' },
  states: ['submitted', 'reviewed', 'returned'],
  stateLabels: {
    submitted: { zh: '待核实', en: 'Awaiting verification' },
    reviewed: { zh: '已核实', en: 'Verified' },
    returned: { zh: '已退回', en: 'Returned' },
  },
  initial: 'submitted',
  turn: { submitted: ['county'], reviewed: [], returned: ['school'] },
  steps: {
    submit: {
      label: { zh: '填报', en: 'Report' },
      opens: true,
      from: ['submitted', 'returned'],
      to: 'submitted',
      by: ['school', 'county', 'city'],
      refusals: { state: { reviewed: '该学期情况已核实，如需更正请联系县区教育局退回' } },
    },
    review: {
      label: { zh: '核实', en: 'Verify' },
      from: ['submitted'],
      to: 'reviewed',
      by: ['county', 'city'],
      bulk: true,
      refusals: {
        level: '核实由县区教育局或市教育局进行',
        state: { reviewed: '该记录已审核，不能审核', returned: '该记录已退回，不能审核' },
      },
    },
    return: {
      label: { zh: '退回', en: 'Return' },
      from: ['submitted'],
      to: 'returned',
      by: ['county', 'city'],
      reason: true,
      refusals: {
        level: '核实由县区教育局或市教育局进行',
        state: { reviewed: '该记录已审核，不能退回', returned: '该记录已退回，不能退回' },
      },
    },
  },
});
