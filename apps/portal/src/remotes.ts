import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { RouteRecordRaw } from 'vue-router';
import { remoteName, type ModuleManifest } from '@hyedu/domain';
import type { ModuleRoutes } from '@hyedu/web';

/** Races a promise against a timer: a remote that never answers must not hang the portal. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`加载${what}超时（${ms / 1000} 秒）`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const toRemote = (m: ModuleManifest) => ({ name: remoteName(m.key), entry: m.remoteEntry, type: 'module' as const });

/** Registers every module of the registry with the federation runtime. */
export function registerModules(list: readonly ModuleManifest[]) {
  registerRemotes(list.map(toRemote));
}

/**
 * Loads a module's routes from its remote. Throws (in Chinese) when the remote is down, slow,
 * serves something that is not our contract, or claims paths outside its base path.
 */
export async function loadModuleRoutes(m: ModuleManifest, opts: { timeoutMs?: number; fresh?: boolean } = {}): Promise<RouteRecordRaw[]> {
  // After a failure, register again with force so the runtime fetches the entry anew.
  if (opts.fresh) registerRemotes([toRemote(m)], { force: true });
  const mod = await withTimeout(
    loadRemote<{ default?: ModuleRoutes }>(`${remoteName(m.key)}/routes`),
    opts.timeoutMs ?? 6000,
    `「${m.title}」模块`,
  );
  const factory = mod?.default;
  if (typeof factory !== 'function') throw new Error(`「${m.title}」模块的入口不符合约定`);
  const routes = factory(m.basePath);
  const outside = routes.find((r) => r.path !== m.basePath && !r.path.startsWith(`${m.basePath}/`));
  if (outside) throw new Error(`「${m.title}」模块声明了基础路径之外的路由：${outside.path}`);
  return routes;
}
