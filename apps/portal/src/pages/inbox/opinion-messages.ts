import { defineMessages } from '@hyedu/ui';

const zh = {
  title: '年检联审意见',
  back: '返回我的待办',
  lead: '审批机关提请本科室对该校年检提出联审意见。',
  school: '学校',
  unit: '所属单位',
  level: '学段',
  year: '年度',
  materials: '年检自查报告',
  siteVisit: '初审和实地查看意见',
  verdict: '联审意见',
  comment: '意见内容',
  submit: '提出联审意见',
  given: '本科室已提出意见：{verdict}（{at}）',
  closed: '该年检已不在联审阶段，不能再提出意见。',
  saved: '已提出联审意见',
};
export const useOpinionMessages = defineMessages<keyof typeof zh>({
  'zh-CN': zh,
  'en-US': {
    title: 'Inspection opinion',
    back: 'Back to my to-do',
    lead: 'The approving authority asks your department for its opinion on this school’s annual inspection.',
    school: 'School',
    unit: 'Unit',
    level: 'Level',
    year: 'Year',
    materials: 'Self-inspection report',
    siteVisit: 'Preliminary review and site visit',
    verdict: 'Opinion',
    comment: 'Comment',
    submit: 'Give the opinion',
    given: 'Your department has answered: {verdict} ({at})',
    closed: 'The inspection is no longer at joint review: no opinion can be given.',
    saved: 'Opinion given',
  },
});
