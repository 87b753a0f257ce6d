import rateLimit from '@fastify/rate-limit';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { appRouter, createContextFactory, type AppRouter } from '@hyedu/api';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, loggableError, type Database } from '@hyedu/db';
import { refuseNonCanonicalApiPath } from './api-path.ts';
import { csrfGuard } from './csrf.ts';
import { registerFileRoutes } from './files.ts';

export interface ApiOptions {
  database: Database;
  /** Origins besides the server's own that may call state-changing API routes (e.g. the Vite dev servers). */
  allowedOrigins: readonly string[];
  /** API requests per minute and client IP. */
  rateLimitPerMinute: number;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** The business as-of date (the demo's); by default each request's Beijing date. */
  asOf?: string;
}

/** API answers carry personal and business data: no browser or proxy keeps a copy. */
async function noStore(_req: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

/**
 * The API routes, /health, tRPC at /trpc and file downloads at /files, to be registered under /api in a context of their own. The context's
 * hooks run for every request the router hands to these routes, however its path was spelled, in this order:
 * no-store, the per-IP rate limit (the login adds its own, stricter one), the CSRF check.
 */
export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (
  api,
  { database, allowedOrigins, rateLimitPerMinute, secureCookies, asOf },
) => {
  await api.register(rateLimit, {
    global: false,
    max: rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: { message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后重试`, code: 'TOO_MANY_REQUESTS' },
    }),
  });
  api.addHook('onRequest', noStore);
  api.addHook('onRequest', api.rateLimit());
  api.addHook('onRequest', csrfGuard(allowedOrigins));

  // Up means able to serve: the database answers (a balancer's health check sends no one to an instance that cannot).
  api.get('/health', async (_req, reply) => {
    const answered = await Promise.race([
      database.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000).unref()),
    ]);
    // A standby down or behind does not make this instance unable to serve: its lists read the primary meanwhile. Why
    // it is not used (which may name a host) goes to the log, not to this unauthenticated answer.
    const standby = database.standby?.state();
    const reads = standby ? { standby: { status: standby.status, lagMs: standby.lagMs } } : {};
    if (answered) return { status: 'ok', engine: database.engine, ...reads };
    return reply.code(503).send({ status: 'unavailable', engine: database.engine, message: DATABASE_UNAVAILABLE_MESSAGE });
  });

  const createContext = createContextFactory(database, { secureCookies, asOf });
  await api.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContext({
          cookie: req.headers.cookie,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? '',
          setCookie: (v) => void res.header('set-cookie', v),
        }),
      maxBatchSize: 20,
      onError({ error, path }) {
        if (error.code !== 'INTERNAL_SERVER_ERROR') return;
        if (isDatabaseUnavailable(error)) api.log.warn({ path, ...loggableError(error) }, 'database unavailable');
        else api.log.error({ path, ...loggableError(error) }, 'tRPC internal error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  registerFileRoutes(api, createContext);
};

/**
 * The API at /api, guarded on its own routes (apiRoutes) and, before routing, by a hook on the whole app that
 * refuses any other spelling of an API path than the one our client uses.
 */
export async function registerApi(app: FastifyInstance, options: ApiOptions) {
  app.addHook('onRequest', refuseNonCanonicalApiPath);
  await app.register(apiRoutes, { ...options, prefix: '/api' });
}
