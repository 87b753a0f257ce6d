import { defineMessages } from '@hyedu/ui';

export const useMessages = defineMessages({
  'zh-CN': { title: '民办教育', home: '概况' },
  'en-US': { title: 'Private education', home: 'Overview' },
});
