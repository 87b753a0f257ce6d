// Loaded on first use through element.ts (the first dialog, drawer or confirmation that opens).
export { ElDialog, ElDrawer, ElMessageBox } from 'element-plus';
