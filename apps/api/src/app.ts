import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '@hyedu/db';
import { registerApi } from './api.ts';
import { moduleSources } from './csp.ts';
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
  /** The business as-of date (the demo's); by default each request's Beijing date. */
  asOf?: string;
  /** Addresses of the load balancer or TLS front whose X-Forwarded-* headers are believed (none by default). */
  trustedProxies?: readonly string[];
}

/** Builds the Fastify app: tRPC at /api/trpc, attachments at /api/files, /api/health, and (optionally) the built front ends. */
export async function buildApp({
  database,
  serveStatic,
  logLevel = 'info',
  appsDir = defaultAppsDir,
  allowedOrigins = [],
  rateLimitPerMinute = 3000,
  secureCookies = false,
  asOf,
  trustedProxies = [],
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Behind a front, the client's address (per-IP limits, audit) and scheme (the CSRF origin check) come from its
    // forwarded headers, believed only from the front's own addresses.
    trustProxy: trustedProxies.length > 0 ? [...trustedProxies] : false,
    logger: { level: logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    // Excel imports travel as base64 inside the tRPC call (the import itself caps the file at 5 MB).
    bodyLimit: 8 * 1_048_576,
    routerOptions: { maxParamLength: 5000 },
  });
  await registerCompression(app);

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

  await registerApi(app, { database, allowedOrigins, rateLimitPerMinute, secureCookies, asOf });

  if (serveStatic) await registerStatic(app, appsDir);
  return app;
}
