import { defineWorkflow } from '../workflow/workflow.ts';

// The workflow alone: the 待办 inbox's sources load it into every page's domain chunk, so it keeps no other rule beside it.
const AUTHORITY = ['county', 'city'] as const;
export const INSPECTION_WORKFLOW = defineWorkflow({
  key: 'privateEdu.inspection',
  noun: { zh: '年检', en: 'annual inspection' },
  states: ['materials', 'preliminary', 'joint_review', 'rectifying', 'rechecking', 'concluded', 'published'],
  stateLabels: {
    materials: { zh: '材料待提交', en: 'Awaiting materials' },
    preliminary: { zh: '初审', en: 'Preliminary review' },
    joint_review: { zh: '联审', en: 'Joint review' },
    rectifying: { zh: '整改中', en: 'Rectifying' },
    rechecking: { zh: '复审', en: 'Re-examination' },
    concluded: { zh: '已出结论', en: 'Concluded' },
    published: { zh: '已公示', en: 'Published' },
  },
  initial: 'materials',
  turn: {
    materials: ['school'],
    preliminary: AUTHORITY,
    joint_review: AUTHORITY,
    rectifying: ['school'],
    rechecking: AUTHORITY,
    concluded: AUTHORITY,
    published: [],
  },
  steps: {
    submit: {
      label: { zh: '提交年检材料', en: 'Submit the materials' },
      from: ['materials'],
      to: 'preliminary',
      by: ['school'],
      needs: [{ field: 'materials', message: '请先填写年检自查报告' }],
    },
    return_materials: {
      label: { zh: '退回补充材料', en: 'Return for more materials' },
      from: ['preliminary'],
      to: 'materials',
      by: AUTHORITY,
      reason: true,
    },
    request_opinions: {
      label: { zh: '提请联审', en: 'Ask the departments' },
      from: ['preliminary'],
      to: 'joint_review',
      by: AUTHORITY,
      needs: [{ field: 'siteVisit', message: '请先填写初审和实地查看意见' }],
    },
    issue_notice: {
      label: { zh: '下达整改通知', en: 'Issue a rectification notice' },
      from: ['joint_review'],
      to: 'rectifying',
      by: AUTHORITY,
      needs: [{ field: 'opinionsComplete', message: '还有科室未提出联审意见，不能结束联审' }],
    },
    conclude: {
      label: { zh: '作出年检结论', en: 'Grade the school' },
      from: ['joint_review', 'rechecking'],
      to: 'concluded',
      by: AUTHORITY,
      needs: [{ field: 'opinionsComplete', message: '还有科室未提出联审意见，不能结束联审' }],
    },
    submit_report: {
      label: { zh: '提交整改报告', en: 'Submit the rectification report' },
      from: ['rectifying'],
      to: 'rechecking',
      by: ['school'],
    },
    return_report: {
      label: { zh: '退回继续整改', en: 'Return for further rectification' },
      from: ['rechecking'],
      to: 'rectifying',
      by: AUTHORITY,
      reason: true,
    },
    publish: {
      label: { zh: '公示结论', en: 'Publish' },
      from: ['concluded'],
      to: 'published',
      by: AUTHORITY,
    },
  },
});
/**
 * A 科室's part in 联审, as the 待办 inbox reads it: each asked 科室 owes one opinion while the inspection is at 联审.
 * The opinion is taken by `inbox.opinions.give`, whose rule is the department, not the level.
 */
export const INSPECTION_OPINION_WORKFLOW = defineWorkflow({
  key: 'privateEdu.inspectionOpinion',
  noun: { zh: '联审意见', en: 'joint-review opinion' },
  states: ['pending', 'answered'],
  stateLabels: { pending: { zh: '待提出', en: 'Awaited' }, answered: { zh: '已提出', en: 'Given' } },
  initial: 'pending',
  turn: { pending: ['city'], answered: [] },
  steps: { opine: { label: { zh: '提出联审意见', en: 'Give the opinion' }, from: ['pending'], to: 'answered', by: ['city'] } },
});
