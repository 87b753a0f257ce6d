import type { FastifyReply, FastifyRequest } from 'fastify';

/** The header our own pages send with every API call (libs/web/src/trpc.ts). Browsers cannot add it cross-site without CORS, which we never allow. */
export const CSRF_HEADER = 'x-trpc-source';

/**
 * Cross-site request forgery guard for everything that can change state: any non-GET request to the routes of
 * the context it is added to (the API's, see api.ts) must carry our custom header, and if the browser names an
 * Origin it must be this server's own (or one listed in allowedOrigins). GET requests must be side-effect free
 * (tRPC queries are). It looks at no path: the routes it guards are the ones it was registered with.
 */
export function csrfGuard(allowedOrigins: readonly string[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const origin = req.headers.origin;
    // Scheme and host as the browser used them (behind a trusted front, from its forwarded headers).
    const own = `${req.protocol}://${req.host}`;
    const originOk = origin === undefined || origin === own || allowedOrigins.includes(origin);
    if (req.headers[CSRF_HEADER] !== 'web' || !originOk) {
      req.log.warn({ origin, url: req.url }, 'refused a cross-site or headerless state-changing request');
      return reply.code(403).send({ error: { message: '请求来源无效，已拒绝（跨站请求防护）', code: 'FORBIDDEN' } });
    }
  };
}
