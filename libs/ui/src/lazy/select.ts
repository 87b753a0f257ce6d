// Loaded on first use through element.ts (a page with a drop-down or a pager).
export { ElOption, ElPagination, ElSelect } from 'element-plus';
