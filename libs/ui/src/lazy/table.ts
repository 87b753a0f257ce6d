// Loaded on first use through element.ts (a page that shows a table).
export { ElTable, ElTableColumn } from 'element-plus';
