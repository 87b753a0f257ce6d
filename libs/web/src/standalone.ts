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
    shell.account = (await trpc.auth.me.query()).account;
    if (shell.account) shell.setModules(await trpc.platform.modules.query());
    else shell.registryError = '请先在门户登录（同一主机名，例如 http://localhost:3000），再打开本模块';
  } catch {
    shell.registryError = '无法连接 API 服务，请先启动（HYEDU_SERVE_STATIC=0 pnpm --filter @hyedu/server dev）';
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
