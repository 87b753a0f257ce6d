import type { ModuleManifest } from '../modules.ts';

/** Default registry rows for a same-origin deployment: each remote under /mf/<key>/. */
export const HENGYANG_MODULES: readonly ModuleManifest[] = [
  { key: 'safety', title: '安全管理', titleEn: 'Safety', basePath: '/safety', remoteEntry: '/mf/safety/remoteEntry.js', version: '0.1.0', icon: 'safety', sortOrder: 10, enabled: true, items: [4] },
  { key: 'private-edu', title: '民办教育', titleEn: 'Private education', basePath: '/private-edu', remoteEntry: '/mf/private-edu/remoteEntry.js', version: '0.1.0', icon: 'private-edu', sortOrder: 20, enabled: true, items: [5, 6] },
  { key: 'teachers', title: '教师队伍', titleEn: 'Teachers', basePath: '/teachers', remoteEntry: '/mf/teachers/remoteEntry.js', version: '0.1.0', icon: 'teachers', sortOrder: 30, enabled: true, items: [17, 18, 19] },
  { key: 'funding', title: '经费与资助', titleEn: 'Funding & aid', basePath: '/funding', remoteEntry: '/mf/funding/remoteEntry.js', version: '0.1.0', icon: 'funding', sortOrder: 40, enabled: true, items: [9, 11] },
];
