import { defineMessages } from '@hyedu/ui';

export const useMessages = defineMessages({
  'zh-CN': { title: '经费与资助', home: '概况' },
  'en-US': { title: 'Funding & aid', home: 'Overview' },
});
