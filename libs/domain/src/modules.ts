import { z } from 'zod';

/** The department modules. A module is a micro-frontend plus its API sub-router. */
export const ModuleKey = z.enum(['safety', 'private-edu', 'teachers', 'funding']);
export type ModuleKey = z.infer<typeof ModuleKey>;

/** Name a federated remote registers under: a JS identifier derived from the key. */
export function remoteName(key: ModuleKey): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const basePath = z.string().regex(/^\/[a-z][a-z0-9-]*$/, { message: '基础路径应以 / 开头，只含小写字母、数字和连字符' });
const entryUrl = z
  .string()
  .min(1)
  .max(500)
  .refine((v) => v.startsWith('/') || /^https?:\/\//.test(v), { message: '入口地址应为以 / 开头的路径或 http(s) 地址' });

/** One row of the module registry: where the portal loads a module from. */
export const ModuleManifest = z.object({
  key: ModuleKey,
  title: z.string().min(1).max(20),
  titleEn: z.string().min(1).max(40),
  basePath,
  remoteEntry: entryUrl,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: '版本号应为 x.y.z' }),
  icon: z.string().min(1).max(40),
  sortOrder: z.number().int().min(0).max(999),
  enabled: z.boolean(),
  /** Work-plan item numbers the module serves. */
  items: z.array(z.number().int().min(1)).default([]),
});
export type ModuleManifest = z.infer<typeof ModuleManifest>;

/** What an administrator may change about a module. */
export const ModuleManifestUpdate = ModuleManifest.pick({ remoteEntry: true, version: true, enabled: true })
  .partial()
  .strict();
export type ModuleManifestUpdate = z.infer<typeof ModuleManifestUpdate>;
