import { defineMessages } from '@hyedu/ui';

export const useMessages = defineMessages({
  'zh-CN': { title: '教师队伍', home: '概况' },
  'en-US': { title: 'Teachers', home: 'Overview' },
});
