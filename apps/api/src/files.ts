import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyInstance } from 'fastify';
import { openFile, type Context, type RequestInfo } from '@hyedu/api';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, loggableError } from '@hyedu/db';

/**
 * GET /api/files/:area/:id — an attachment as a real download, instead of base64 inside a tRPC call. Who may fetch it
 * is decided by the area's tRPC procedure (`openFile` calls it through a server-side caller): the same policy, scope,
 * refusals and audit. The bytes go out as a download that no browser will sniff, run or cache; a picture decoded
 * whole at upload may be shown inline (`?inline=1`).
 */
const SANDBOX = "default-src 'none'; sandbox";

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the real (Chinese) name, RFC 6266 / 5987. */
export function contentDisposition(filename: string, inline: boolean): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const utf8 = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function registerFileRoutes(app: FastifyInstance, createContext: (req: RequestInfo) => Promise<Context>): void {
  app.get<{ Params: { area: string; id: string }; Querystring: { inline?: string } }>('/files/:area/:id', async (req, reply) => {
    reply.header('Cache-Control', 'no-store').header('X-Content-Type-Options', 'nosniff').header('Content-Security-Policy', SANDBOX);
    try {
      const ctx = await createContext({
        cookie: req.headers.cookie,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
        setCookie: (v) => void reply.header('set-cookie', v),
      });
      const file = await openFile(ctx, req.params.area, Number(req.params.id));
      return reply
        .header('Content-Type', file.mime)
        .header('Content-Length', file.content.length)
        .header('Content-Disposition', contentDisposition(file.filename, req.query.inline === '1' && file.inline))
        .send(file.content);
    } catch (e) {
      if (isDatabaseUnavailable(e)) {
        req.log.warn(loggableError(e), 'database unavailable');
        return reply.code(503).header('Content-Type', 'text/plain; charset=utf-8').send(DATABASE_UNAVAILABLE_MESSAGE);
      }
      const known = e instanceof TRPCError && e.code !== 'INTERNAL_SERVER_ERROR';
      if (!known) req.log.error(loggableError(e), 'file download failed');
      const message = !known ? '系统繁忙，请稍后重试' : e.code === 'BAD_REQUEST' ? '文件编号无效' : e.message;
      return reply
        .code(known ? getHTTPStatusCodeFromError(e) : 500)
        .header('Content-Type', 'text/plain; charset=utf-8')
        .send(message);
    }
  });
}
