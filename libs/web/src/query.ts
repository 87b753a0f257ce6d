import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import type { App } from 'vue';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

/** Installs vue-query once, in the app that hosts the pages (the portal, or a module running alone). */
export function installQuery(app: App, client = createQueryClient()) {
  app.use(VueQueryPlugin, { queryClient: client });
  return client;
}
