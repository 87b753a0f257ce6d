import type { RouteMeta } from 'vue-router';

/** What an account lacks to open a page, in both languages, and who can give it. */
export interface MissingRight {
  zh: string;
  en: string;
}

/** The portal's own pages by the area they need (a module's pages need that module's grant). */
const AREAS: Record<string, MissingRight> = {
  plan: {
    zh: '工作要点与领导驾驶舱的查看权限（局领导、科室或县区教育局角色）',
    en: 'access to the work plan and the dashboard (a leader, department or county role)',
  },
  'admin:accounts': { zh: '系统管理员角色', en: 'the system administrator role' },
  'admin:security': { zh: '安全管理员角色', en: 'the security administrator role' },
  audit: { zh: '审计管理员角色', en: 'the audit administrator role' },
};

/**
 * What is missing for a page that exists but the account may not open: a module's grant, or the area the page
 * needs. Null for a page anyone signed in may open (then the address itself is wrong: 页面不存在).
 */
export function missingRight(meta: RouteMeta): MissingRight | null {
  if (meta.module)
    return { zh: `“${meta.title ?? meta.module}”模块的授权`, en: `a grant for the “${meta.titleEn ?? meta.title ?? meta.module}” module` };
  if (meta.area)
    return AREAS[meta.area] ?? { zh: `“${meta.title ?? meta.area}”的访问权限`, en: `access to “${meta.titleEn ?? meta.area}”` };
  return null;
}
