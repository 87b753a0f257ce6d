import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { appRouter, createContextFactory, type AppRouter } from '@hyedu/api';
import type { Database } from '@hyedu/db';
import { csrfGuard } from './csrf.ts';
import { registerFileRoutes } from './files.ts';
import { registerCompression, registerStatic } from './static.ts';

/** The apps folder: the portal's build is <appsDir>/portal/dist, each module's <appsDir>/<key>/dist. */
export const defaultAppsDir = fileURLToPath(new URL('../../', import.meta.url));

export interface AppOptions {
  database: Database;
  serveStatic: boolean;
  logLevel?: string;
  appsDir?: string;
  /** Origins besides the server's own that may call state-changing API routes (e.g. the Vite dev servers). */
  allowedOrigins?: readonly string[];
  /** API requests per minute and client IP. */
  rateLimitPerMinute?: number;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
}

/** Builds the Fastify app: tRPC at /api/trpc, attachments at /api/files, /api/health, and (optionally) the built front ends. */
export async function buildApp({ database, serveStatic, logLevel = 'info', appsDir = defaultAppsDir, allowedOrigins = [], rateLimitPerMinute = 3000, secureCookies = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    // Excel imports travel as base64 inside the tRPC call (the import itself caps the file at 5 MB).
    bodyLimit: 8 * 1_048_576,
    routerOptions: { maxParamLength: 5000 },
  });
  await registerCompression(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  // Per-IP rate limit on the API (the login route adds its own, stricter one); static files are not limited.
  await app.register(rateLimit, {
    max: rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: { message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后重试`, code: 'TOO_MANY_REQUESTS' } }),
  });
  app.addHook('onRequest', csrfGuard(allowedOrigins));

  app.get('/api/health', async () => ({ status: 'ok', engine: database.engine }));

  const createContext = createContextFactory(database, { secureCookies });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/api/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContext({ cookie: req.headers.cookie, ip: req.ip, userAgent: req.headers['user-agent'] ?? '', setCookie: (v) => void res.header('set-cookie', v) }),
      maxBatchSize: 20,
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ path, err: error.cause ?? error }, 'tRPC internal error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  registerFileRoutes(app, createContext);

  if (serveStatic) await registerStatic(app, appsDir);
  return app;
}
