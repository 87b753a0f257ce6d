import type { Router } from 'vue-router';
import type { ModuleKey, ModuleManifest } from '@hyedu/domain';
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
