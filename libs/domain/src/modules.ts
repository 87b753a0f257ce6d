import { z } from 'zod';
import { entryRefusal, entryShapeRefusal } from './module-origins.ts';

/** The department modules. A module is a micro-frontend plus its API sub-router. */
export const ModuleKey = z.enum(['safety', 'private-edu', 'teachers', 'funding']);
export type ModuleKey = z.infer<typeof ModuleKey>;

/** Name a federated remote registers under: a JS identifier derived from the key. */
export function remoteName(key: ModuleKey): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const basePath = z.string().regex(/^\/[a-z][a-z0-9-]*$/, { message: '基础路径应以 / 开头，只含小写字母、数字和连字符' });
// The form of an entry address; whether its origin is allowed is moduleUpdateFor's question (module-origins.ts).
const entryUrl = z.string().superRefine((v, ctx) => {
  const problem = entryShapeRefusal(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

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
export const ModuleManifestUpdate = ModuleManifest.pick({ remoteEntry: true, version: true, enabled: true }).partial().strict();
export type ModuleManifestUpdate = z.infer<typeof ModuleManifestUpdate>;

/**
 * The change an administrator may make, given the origins on the allow-list: an entry pointing anywhere else is
 * refused on its field (`remoteEntry`).
 */
export function moduleUpdateFor(allowedOrigins: readonly string[]) {
  return ModuleManifestUpdate.superRefine((change, ctx) => {
    if (change.remoteEntry === undefined || entryShapeRefusal(change.remoteEntry)) return;
    const problem = entryRefusal(change.remoteEntry, allowedOrigins);
    if (problem) ctx.addIssue({ code: 'custom', path: ['remoteEntry'], message: problem });
  });
}
