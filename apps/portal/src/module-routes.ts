import { ref, watchEffect } from 'vue';
import { useRouter, type Router } from 'vue-router';
import type { ModuleKey, ModuleManifest } from '@hyedu/domain';
import { useShellStore } from '@hyedu/web';
import { loadModuleRoutes } from './remotes.ts';
import { SHELL_ROUTE } from './router.ts';

const loaded = new Map<ModuleKey, Promise<void>>();

/**
 * Adds a module's routes to the portal's router once (as children of the shell, so they render in its
 * layout and pass its guards). Concurrent callers share one load; a failed load can be retried.
 */
export function ensureModuleRoutes(router: Router, m: ModuleManifest, retry = false): Promise<void> {
  let p = loaded.get(m.key);
  if (!p) {
    p = loadModuleRoutes(m, { fresh: retry }).then((routes) => {
      for (const r of routes) router.addRoute(SHELL_ROUTE, r);
    });
    p.catch(() => loaded.delete(m.key));
    loaded.set(m.key, p);
  }
  return p;
}

/** The registry row whose routes a route name belongs to: a module names its routes `<module key>:<page>`. */
export function moduleOfRoute(name: string, modules: readonly ModuleManifest[]): ModuleManifest | undefined {
  const colon = name.indexOf(':');
  return colon > 0 ? modules.find((m) => m.key === name.slice(0, colon)) : undefined;
}

/**
 * Links by route name (what the API sends): a module's routes exist once its remote is loaded, so this loads the
 * modules the names belong to, and answers whether a name resolves yet (reactively: true once its module is in).
 */
export function useRouteLinks(names: () => readonly string[]): (name: string) => boolean {
  const router = useRouter();
  const shell = useShellStore();
  const routesAdded = ref(0);
  watchEffect(() => {
    for (const name of new Set(names())) {
      if (router.hasRoute(name)) continue;
      const m = moduleOfRoute(name, shell.visibleModules);
      if (m)
        void ensureModuleRoutes(router, m).then(
          () => {
            shell.setStatus(m.key, 'ready');
            routesAdded.value++;
          },
          () => undefined,
        );
    }
  });
  return (name) => routesAdded.value >= 0 && router.hasRoute(name);
}
