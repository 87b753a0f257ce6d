import { defineMessages } from '@hyedu/ui';

export const useMessages = defineMessages({
  'zh-CN': { title: '安全管理', home: '概况' },
  'en-US': { title: 'Safety', home: 'Overview' },
});
