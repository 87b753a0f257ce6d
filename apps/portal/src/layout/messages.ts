import { defineMessages } from '@hyedu/ui';

export const useShellMessages = defineMessages({
  'zh-CN': {
    appTitle: '衡阳市教育局工作平台',
    home: '首页',
    plan: '工作要点',
    registry: '学校名录',
    modules: '业务模块',
    menu: '打开菜单',
    mainMenu: '主菜单',
    switchLang: 'English',
    registryError: '无法读取模块登记信息：{message}。业务模块暂不可用，其他功能不受影响。',
    skip: '跳到主要内容',
  },
  'en-US': {
    appTitle: 'Hengyang Education Bureau Platform',
    home: 'Home',
    plan: 'Work plan',
    registry: 'School registry',
    modules: 'Modules',
    menu: 'Open menu',
    mainMenu: 'Main menu',
    switchLang: '中文',
    registryError: 'The module registry could not be read: {message}. Department modules are unavailable; everything else works.',
    skip: 'Skip to main content',
  },
});
