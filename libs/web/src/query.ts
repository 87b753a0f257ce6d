import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { TRPCClientError } from '@trpc/client';
import type { App } from 'vue';

/**
 * A failed read is tried once more, unless the server answered it with a 4xx: a refusal or a bad input gives the
 * same answer again, and each refusal is one more audit record on the server.
 */
export function retryOnce(failures: number, error: unknown): boolean {
  const status = error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
  return failures < 1 && !(status !== undefined && status >= 400 && status < 500);
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 60_000, retry: retryOnce, refetchOnWindowFocus: false } },
  });
}

/** Installs vue-query once, in the app that hosts the pages (the portal, or a module running alone). */
export function installQuery(app: App, client = createQueryClient()) {
  app.use(VueQueryPlugin, { queryClient: client });
  return client;
}
