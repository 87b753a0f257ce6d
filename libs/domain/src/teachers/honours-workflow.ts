import { defineWorkflow } from '../workflow/workflow.ts';

// The nomination's workflow alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * 表彰推荐的审核: the county nominates (the city for 局直 schools), the city approves the nomination or refuses it with a
 * reason — never the one who nominated (four eyes); the nominator may withdraw a nomination still under review.
 */
export const NOMINATION_WORKFLOW = defineWorkflow({
  key: 'teachers.nomination',
  noun: { zh: '表彰推荐', en: 'honour nomination' },
  states: ['nominated', 'approved', 'refused', 'withdrawn'],
  stateLabels: {
    nominated: { zh: '待审核', en: 'Under review' },
    approved: { zh: '已批准', en: 'Approved' },
    refused: { zh: '未通过', en: 'Refused' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  initial: 'nominated',
  turn: { nominated: ['city'], approved: [], refused: [], withdrawn: [] },
  steps: {
    approve: {
      label: { zh: '批准', en: 'Approve' },
      from: ['nominated'],
      to: 'approved',
      by: ['city'],
      notBySubmitter: { message: '不能审核自己推荐的人选' },
    },
    refuse: {
      label: { zh: '不予通过', en: 'Refuse' },
      from: ['nominated'],
      to: 'refused',
      by: ['city'],
      reason: true,
      notBySubmitter: { message: '不能审核自己推荐的人选' },
    },
    withdraw: {
      label: { zh: '撤回', en: 'Withdraw' },
      from: ['nominated'],
      to: 'withdrawn',
      by: ['county', 'city'],
      reason: true,
      corrective: true,
    },
  },
});
