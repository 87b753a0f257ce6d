import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { moduleOrigins } from '@hyedu/api';
import type { Database } from '@hyedu/db';

/**
 * The Content-Security-Policy's sources for module code: the platform's own origin plus the origins on the
 * 系统管理员's allow-list (模块来源), read through a cache of a few seconds (MODULE_ORIGINS_CACHE_MS). `load` runs as
 * an onRequest hook registered before helmet, so the directive values (`sources`) see the list for this request.
 * If the list cannot be read, only the platform's own origin is allowed.
 */
export function moduleSources(database: Database) {
  const loaded = new WeakMap<IncomingMessage, readonly string[]>();
  return {
    load: async (req: FastifyRequest) => {
      try {
        loaded.set(req.raw, await moduleOrigins(database.db));
      } catch (e) {
        req.log.error({ err: e }, 'could not read the module origins; the CSP allows the platform’s own origin only');
      }
    },
    sources: (req: IncomingMessage) => ["'self'", ...(loaded.get(req) ?? [])].join(' '),
  };
}
