// Loaded on first use through element.ts (the portal's side menu, after sign-in).
export { ElMenu, ElMenuItem } from 'element-plus';
