/**
 * The Element Plus components hyedu uses, and only those. This library is shared by Module
 * Federation as one singleton, so portal and remotes get one copy of Element Plus (one z-index
 * stack, one locale) while shipping only these components. Import them from '@hyedu/ui', never
 * from 'element-plus' (lint enforces it). To use another component, add it here and its CSS in styles.css.
 */
export {
  ElAlert,
  ElAside,
  ElButton,
  ElCard,
  ElCollapse,
  ElCollapseItem,
  ElConfigProvider,
  ElContainer,
  ElDialog,
  ElDrawer,
  ElEmpty,
  ElHeader,
  ElIcon,
  ElInput,
  ElMain,
  ElMenu,
  ElMenuItem,
  ElOption,
  ElPagination,
  ElProgress,
  ElRadioButton,
  ElRadioGroup,
  ElResult,
  ElSelect,
  ElSkeleton,
  ElTable,
  ElTableColumn,
  ElTag,
  ElTimeline,
  ElTimelineItem,
} from 'element-plus';
export { default as elementZhCn } from 'element-plus/es/locale/lang/zh-cn.mjs';
export { default as elementEn } from 'element-plus/es/locale/lang/en.mjs';
export {
  Coin,
  DataAnalysis,
  Expand,
  FirstAidKit,
  House,
  OfficeBuilding,
  Reading,
  School,
  User,
} from '@element-plus/icons-vue';
