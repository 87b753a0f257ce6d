import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Database } from '@hyedu/db';
import { ModuleKey } from '@hyedu/domain';
import { registerApi } from './api.ts';
import { moduleSources } from './csp.ts';

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

/** Builds the Fastify app: tRPC at /api/trpc, /api/health, and (optionally) the built front ends. */
export async function buildApp({ database, serveStatic, logLevel = 'info', appsDir = defaultAppsDir, allowedOrigins = [], rateLimitPerMinute = 3000, secureCookies = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    // Excel imports travel as base64 inside the tRPC call (the import itself caps the file at 5 MB).
    bodyLimit: 8 * 1_048_576,
    routerOptions: { maxParamLength: 5000 },
  });

  // Module code may come from the platform's own origin and the allow-listed module origins (loaded before helmet runs).
  const modules = moduleSources(database);
  app.addHook('onRequest', modules.load);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [modules.sources],
        styleSrc: [modules.sources],
        imgSrc: [modules.sources, 'data:'],
        connectSrc: [modules.sources],
        fontSrc: [modules.sources, 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  await registerApi(app, { database, allowedOrigins, rateLimitPerMinute, secureCookies });

  if (serveStatic) await registerStatic(app, appsDir);
  return app;
}

async function registerStatic(app: FastifyInstance, appsDir: string) {
  const portalDist = join(appsDir, 'portal', 'dist');
  if (!existsSync(`${portalDist}/index.html`)) {
    throw new Error(`找不到门户的构建产物 ${portalDist}，请先构建（pnpm build）`);
  }
  // Hashed assets may be cached for a year; entry files (index.html, remoteEntry.js, manifests) never.
  const setHeaders = (reply: FastifyReply, path: string) => {
    const hashed = /\/assets\/.+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/.test(path);
    reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  await app.register(fastifyStatic, { root: portalDist, prefix: '/', wildcard: false, index: false, setHeaders });
  for (const key of ModuleKey.options) {
    const root = join(appsDir, key, 'dist');
    if (!existsSync(root)) {
      app.log.warn(`模块 ${key} 未构建（${root}），门户中该模块将显示为无法加载`);
      continue;
    }
    await app.register(fastifyStatic, { root, prefix: `/mf/${key}/`, decorateReply: false, index: false, setHeaders });
  }
  // Single-page app: any other GET that is not an API call, a module file or a file gets the portal. A file is known by
  // its extension; a route may contain a dot (the KPI page /dashboard/safety.compliance), so only file types count.
  const FILE = /\.(js|mjs|css|map|json|html?|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|xml|webmanifest|pdf|xlsx?)$/i;
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/mf/') || FILE.test(path)) {
      return reply.code(404).send({ error: 'Not Found' });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', portalDist);
  });
}
