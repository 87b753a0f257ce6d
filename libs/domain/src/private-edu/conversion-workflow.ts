import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
const REVIEW = '市级审核';
export const CONVERSION_WORKFLOW = defineWorkflow({
  key: 'privateEdu.conversion',
  noun: { zh: '公参民治理案', en: 'conversion case' },
  states: ['surveyed', 'under_review', 'implementing', 'completed', 'accepted'],
  stateLabels: {
    surveyed: { zh: '摸底登记', en: 'Surveyed' },
    under_review: { zh: '市级审核', en: 'Under city review' },
    implementing: { zh: '实施中', en: 'Implementing' },
    completed: { zh: '已完成', en: 'Completed' },
    accepted: { zh: '已验收', en: 'Accepted' },
  },
  initial: 'surveyed',
  turn: { surveyed: ['county'], under_review: ['city'], implementing: ['county'], completed: ['city'], accepted: [] },
  steps: {
    submit_plan: {
      label: { zh: '报送县级方案', en: 'Submit the county plan' },
      from: ['surveyed'],
      to: 'under_review',
      by: ['county'],
      needs: [
        { field: 'disposal', message: '请先确定处置方式' },
        { field: 'plan', message: '请先填写县级方案' },
      ],
    },
    approve_plan: {
      label: { zh: '审核通过', en: 'Approve the plan' },
      from: ['under_review'],
      to: 'implementing',
      by: ['city'],
      notBySubmitter: { message: `不能${REVIEW}自己报送的方案` },
    },
    return_plan: { label: { zh: '退回', en: 'Return' }, from: ['under_review'], to: 'surveyed', by: ['city'], reason: true },
    complete: {
      label: { zh: '确认完成', en: 'Mark completed' },
      from: ['implementing'],
      to: 'completed',
      by: ['county'],
      needs: [
        { field: 'tasksDone', message: '实施事项尚未全部完成（资产与债务、更名、法人、学生安置）' },
        { field: 'teachersPlaced', message: '还有受影响的教师未安置，不能确认完成' },
      ],
    },
    accept: {
      label: { zh: '验收通过', en: 'Accept' },
      from: ['completed'],
      to: 'accepted',
      by: ['city'],
      notBySubmitter: { message: '不能验收自己确认完成的治理案' },
    },
    reject: { label: { zh: '验收不通过', en: 'Reject' }, from: ['completed'], to: 'implementing', by: ['city'], reason: true },
  },
});
