import { defineMessages } from '@hyedu/ui';

export const useInboxMessages = defineMessages({
  'zh-CN': {
    title: '我的待办',
    lead: '各模块中等待您处理的事项，逾期的在前，其余按截止日期排列。',
    none: '暂无待办事项',
    noneHere: '本类暂无待办',
    count: '{n} 项',
    shownOf: '仅列出前 {shown} 项，共 {n} 项',
    todo: '待办：{steps}',
    due: '截止 {d}',
    overdue: '已逾期',
    noDue: '无截止日期',
    or: '或',
    state: '当前状态',
  },
  'en-US': {
    title: 'My to-do',
    lead: 'What awaits your action across the modules: overdue items first, then by due date.',
    none: 'Nothing awaits you',
    noneHere: 'Nothing of this kind',
    count: '{n} to do',
    shownOf: 'The first {shown} of {n} are listed',
    todo: 'To do: {steps}',
    due: 'Due {d}',
    overdue: 'Overdue',
    noDue: 'No due date',
    or: ' or ',
    state: 'State',
  },
});
