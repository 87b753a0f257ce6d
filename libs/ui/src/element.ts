/**
 * The Element Plus components hyedu uses, and only those. This library is shared by Module
 * Federation as one singleton, so portal and remotes get one copy of Element Plus (one z-index
 * stack, one locale) while shipping only these components. Import them from '@hyedu/ui', never
 * from 'element-plus' (lint enforces it). To use another component, add it here and its CSS in styles.css.
 *
 * The large ones (table, select and pager, dialog and drawer, menu) and those few pages show (radio buttons, progress
 * bar, timeline, empty state) are fetched the first time a page shows one (lazy.ts), so the sign-in page and the first
 * page do not download what they do not show. They are still parts of this one library: one copy for the portal and
 * every module.
 */
import type * as EP from 'element-plus';
import { lazyComponent, opened } from './lazy.ts';

export {
  ElAlert,
  ElAside,
  ElButton,
  ElCard,
  ElCollapse,
  ElCollapseItem,
  ElConfigProvider,
  ElContainer,
  ElHeader,
  ElIcon,
  ElInput,
  ElMain,
  ElResult,
  ElSkeleton,
  ElTag,
} from 'element-plus';

const table = () => import('./lazy/table.ts');
const select = () => import('./lazy/select.ts');
const overlay = () => import('./lazy/overlay.ts');
const menu = () => import('./lazy/menu.ts');
const extra = () => import('./lazy/extra.ts');

export const ElTable = lazyComponent('ElTable', () => table().then((m) => m.ElTable)) as typeof EP.ElTable;
export const ElTableColumn = lazyComponent('ElTableColumn', () => table().then((m) => m.ElTableColumn)) as typeof EP.ElTableColumn;
export const ElSelect = lazyComponent('ElSelect', () => select().then((m) => m.ElSelect)) as typeof EP.ElSelect;
export const ElOption = lazyComponent('ElOption', () => select().then((m) => m.ElOption)) as typeof EP.ElOption;
export const ElPagination = lazyComponent('ElPagination', () => select().then((m) => m.ElPagination)) as typeof EP.ElPagination;
export const ElDialog = lazyComponent('ElDialog', () => overlay().then((m) => m.ElDialog), opened) as typeof EP.ElDialog;
export const ElDrawer = lazyComponent('ElDrawer', () => overlay().then((m) => m.ElDrawer), opened) as typeof EP.ElDrawer;

/**
 * Asks a yes/no question in Element Plus' message box (its code comes with the dialogs'). Resolves true when the user
 * confirms, false when they cancel or close it. The caller gives every text, in the user's locale.
 */
export async function askConfirm(message: string, texts: { title: string; confirm: string; cancel: string }): Promise<boolean> {
  const { ElMessageBox } = await overlay();
  return ElMessageBox.confirm(message, texts.title, {
    type: 'warning',
    confirmButtonText: texts.confirm,
    cancelButtonText: texts.cancel,
  }).then(
    () => true,
    () => false,
  );
}
export const ElMenu = lazyComponent('ElMenu', () => menu().then((m) => m.ElMenu)) as typeof EP.ElMenu;
export const ElMenuItem = lazyComponent('ElMenuItem', () => menu().then((m) => m.ElMenuItem)) as typeof EP.ElMenuItem;
export const ElEmpty = lazyComponent('ElEmpty', () => extra().then((m) => m.ElEmpty)) as typeof EP.ElEmpty;
export const ElProgress = lazyComponent('ElProgress', () => extra().then((m) => m.ElProgress)) as typeof EP.ElProgress;
export const ElRadioGroup = lazyComponent('ElRadioGroup', () => extra().then((m) => m.ElRadioGroup)) as typeof EP.ElRadioGroup;
export const ElRadioButton = lazyComponent('ElRadioButton', () => extra().then((m) => m.ElRadioButton)) as typeof EP.ElRadioButton;
export const ElTimeline = lazyComponent('ElTimeline', () => extra().then((m) => m.ElTimeline)) as typeof EP.ElTimeline;
export const ElTimelineItem = lazyComponent('ElTimelineItem', () => extra().then((m) => m.ElTimelineItem)) as typeof EP.ElTimelineItem;

export { default as elementZhCn } from 'element-plus/es/locale/lang/zh-cn.mjs';
export { default as elementEn } from 'element-plus/es/locale/lang/en.mjs';
export {
  Coin,
  DataAnalysis,
  Document,
  Expand,
  FirstAidKit,
  Grid,
  House,
  Money,
  Notebook,
  OfficeBuilding,
  Reading,
  School,
  Trophy,
  User,
  Van,
} from '@element-plus/icons-vue';
