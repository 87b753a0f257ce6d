import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { ModuleKey } from '@hyedu/domain';

/** API answers smaller than this go out as they are: below about one network packet, compressing saves nothing. */
export const API_COMPRESS_MIN_BYTES = 1400;

/**
 * tRPC answers with a fetch Response, whose size the compressor cannot see (it would compress every answer, however
 * small): read it into a buffer first. The answers are JSON of bounded size (lists are paged), never streams.
 */
async function bufferFetchResponse(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (!(payload instanceof Response)) return payload;
  reply.code(payload.status);
  payload.headers.forEach((value, name) => void reply.header(name, value));
  return Buffer.from(await payload.arrayBuffer());
}

/**
 * Compresses API answers of at least API_COMPRESS_MIN_BYTES (brotli at quality 4, or gzip: cheap on two cores).
 * Only `/api/` routes: built files are compressed once at build time (see registerStatic). Call before any route.
 */
export async function registerCompression(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) {
      route.compress = false;
      return;
    }
    // Runs before the compressor's own onSend, which the plugin appends to the route after this hook.
    const own = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [bufferFetchResponse as onSendHookHandler, ...own];
  });
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: API_COMPRESS_MIN_BYTES });
}

/** A built file whose name carries its content hash (`index-AbCdEf12.js`): it never changes under that name. */
export const HASHED = /-[A-Za-z0-9_-]{8}\.(js|mjs|css|woff2?|svg|png|jpe?g|webp)$/;

/**
 * Hashed files may be cached for a year; entry files (index.html, remoteEntry.js, manifests) are revalidated on each
 * load. `path` is the file sent, which may be its precompressed copy (`x.js.br`).
 */
export function cacheControl(reply: FastifyReply, path: string) {
  const file = path.replace(/\.(br|gz)$/, '');
  reply.header('Cache-Control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (!/\.html?$/.test(file)) for (const name of DOCUMENT_ONLY) reply.removeHeader(name);
}

/**
 * Security headers that only a document (an HTML page) obeys: sent with each of the ~40 scripts and stylesheets of a
 * page they would cost ~0.5 KB apiece for nothing. Scripts and styles keep what applies to them: nosniff,
 * Cross-Origin-Resource-Policy and HSTS.
 */
export const DOCUMENT_ONLY = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

/**
 * Serves the built portal at / and each module's build at /mf/<key>/, sending the brotli or gzip copy made at build
 * time (`x.js.br`, `x.js.gz`) to a browser that accepts it, with `Vary: Accept-Encoding`.
 */
export async function registerStatic(app: FastifyInstance, appsDir: string) {
  const portalDist = join(appsDir, 'portal', 'dist');
  if (!existsSync(`${portalDist}/index.html`)) {
    throw new Error(`找不到门户的构建产物 ${portalDist}，请先构建（pnpm build）`);
  }
  const common = { wildcard: false, index: false, preCompressed: true, setHeaders: cacheControl } as const;
  await app.register(fastifyStatic, { ...common, root: portalDist, prefix: '/' });
  for (const key of ModuleKey.options) {
    const root = join(appsDir, key, 'dist');
    if (!existsSync(root)) {
      app.log.warn(`模块 ${key} 未构建（${root}），门户中该模块将显示为无法加载`);
      continue;
    }
    await app.register(fastifyStatic, { ...common, root, prefix: `/mf/${key}/`, decorateReply: false });
  }
  // Single-page app: any other GET that is not an API call, a module file or a file gets the portal. A file is known by
  // its extension; a route may contain a dot (the KPI page /dashboard/safety.compliance), so only file types count.
  const FILE = /\.(js|mjs|css|map|json|html?|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|xml|webmanifest|pdf|xlsx?|br|gz)$/i;
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/mf/') || FILE.test(path)) {
      return reply.code(404).send({ error: 'Not Found' });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', portalDist);
  });
}
