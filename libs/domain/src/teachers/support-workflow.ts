import { defineWorkflow } from '../workflow/workflow.ts';

// The need's workflow alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * 支教需求 in the 待办 inbox: a need stays 待派遣 until as many teachers are dispatched as it asks for (`needOpen`);
 * it is the county's turn (the city's for 局直 schools) to dispatch. A dispatch does not change the state by itself:
 * the state is read from the fill.
 */
export const SUPPORT_NEED_WORKFLOW = defineWorkflow({
  key: 'teachers.support',
  noun: { zh: '支教需求', en: 'support-teaching need' },
  states: ['open', 'filled'],
  stateLabels: {
    open: { zh: '待派遣', en: 'Awaiting teachers' },
    filled: { zh: '已派满', en: 'Filled' },
  },
  initial: 'open',
  turn: { open: ['county', 'city'], filled: [] },
  steps: {
    dispatch: { label: { zh: '派遣支教教师', en: 'Dispatch a teacher' }, from: ['open'], by: ['county', 'city'] },
  },
});
