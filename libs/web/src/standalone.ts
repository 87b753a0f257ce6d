import { createPinia } from 'pinia';
import { createApp, h } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import type { ModuleKey } from '@hyedu/domain';
import type { ModuleRoutes } from './federation.ts';
import { installQuery } from './query.ts';
import { useShellStore } from './shell.ts';
import StandaloneShell from './StandaloneShell.vue';
import { trpc } from './trpc.ts';

/**
 * Runs one module on its own (its department's development mode): the same routes, stores and
 * typed client as inside the portal, without the portal. Needs the API server for data.
 */
export async function startStandalone(key: ModuleKey, routes: ModuleRoutes, selector = '#app') {
  const pinia = createPinia();
  const shell = useShellStore(pinia);
  try {
    shell.setModules(await trpc.platform.modules.query());
  } catch {
    shell.registryError = '无法读取模块登记信息，请先启动 API 服务（pnpm --filter @hyedu/server dev）';
  }
  const manifest = shell.byKey.get(key);
  const base = manifest?.basePath ?? `/${key}`;
  const router = createRouter({ history: createWebHistory(), routes: [{ path: '/', redirect: base }, ...routes(base)] });
  const app = createApp({ render: () => h(StandaloneShell, { title: manifest?.title ?? key }) });
  app.use(pinia);
  installQuery(app);
  app.use(router);
  await router.isReady();
  app.mount(selector);
  return app;
}
