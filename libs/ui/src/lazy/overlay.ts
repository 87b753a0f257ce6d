// Loaded on first use through element.ts (the first dialog or drawer that opens).
export { ElDialog, ElDrawer } from 'element-plus';
