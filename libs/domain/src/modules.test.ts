import { describe, expect, it } from 'vitest';
import { HENGYANG_MODULES } from './hengyang/modules.ts';
import { ModuleKey, ModuleManifest, ModuleManifestUpdate, remoteName } from './modules.ts';

const good = {
  key: 'safety',
  title: '安全管理',
  titleEn: 'Safety',
  basePath: '/safety',
  remoteEntry: '/mf/safety/remoteEntry.js',
  version: '0.1.0',
  icon: 'safety',
  sortOrder: 10,
  enabled: true,
};
const firstMessage = (input: unknown) => ModuleManifest.safeParse(input).error?.issues[0]?.message;

// docs/domain/plan.md: the four department modules are Safety, Private ed, Teacher, Funding.
describe('module registry', () => {
  it('has the four modules of docs/domain/plan.md', () => {
    expect(ModuleKey.options).toEqual(['safety', 'private-edu', 'teachers', 'funding']);
    for (const m of HENGYANG_MODULES) expect(ModuleManifest.parse(m)).toEqual(m);
  });

  it('remote names are JS identifiers', () => {
    expect(remoteName('private-edu')).toBe('privateEdu');
    expect(remoteName('safety')).toBe('safety');
  });

  it('defaults items to []', () => {
    expect(ModuleManifest.parse(good).items).toEqual([]);
  });

  it('rejects bad base paths, entries and versions with Chinese messages', () => {
    for (const basePath of ['safety', '/Safety', '/safety/', '/a b', '/1x']) {
      expect(firstMessage({ ...good, basePath }), basePath).toBe('基础路径应以 / 开头，只含小写字母、数字和连字符');
    }
    for (const remoteEntry of ['ftp://x/remoteEntry.js', 'remoteEntry.js', 'javascript:alert(1)']) {
      expect(firstMessage({ ...good, remoteEntry }), remoteEntry).toBe('入口地址应为以 / 开头的路径或 http(s) 地址');
    }
    expect(ModuleManifest.safeParse({ ...good, remoteEntry: 'https://cdn.example.com/safety/remoteEntry.js' }).success).toBe(true);
    expect(firstMessage({ ...good, version: '1.0' })).toBe('版本号应为 x.y.z');
    expect(ModuleManifest.safeParse({ ...good, key: 'library' }).success).toBe(false);
  });

  it('administrators may change only entry, version and enabled', () => {
    expect(ModuleManifestUpdate.parse({ enabled: false })).toEqual({ enabled: false });
    expect(ModuleManifestUpdate.safeParse({ basePath: '/x' }).success).toBe(false);
  });
});
