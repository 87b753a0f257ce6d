import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * How our own client spells an API path: /api/trpc/<procedure>[,<procedure>…] or /api/health. Segments are plain
 * names (no escapes, none empty, none starting with a dot, so no `.` or `..`), no trailing slash.
 */
const CANONICAL = /^\/api(?:\/[A-Za-z0-9_~,-][A-Za-z0-9_.~,-]*)+$/;

/** Percent-decoding until nothing changes (bounded): `%2561` is `%61` is `a`. Undecodable text stays as it is. */
function decodeFully(text: string): string {
  let out = text;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(out);
    } catch {
      return out;
    }
    if (next === out) return out;
    out = next;
  }
  return out;
}

/**
 * The path a request-target could name, read as generously as any router or proxy might: the origin of an
 * absolute-form target dropped, percent-escapes decoded, backslashes read as slashes, empty and `.` segments
 * dropped, `..` applied, lower case.
 */
export function normalisedPath(target: string): string {
  let path = target.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) path = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
  const segments: string[] = [];
  for (const segment of decodeFully(path).replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/** Whether a request-target names the API (`/api` or below) in any spelling. */
export function namesApi(target: string): boolean {
  return /^\/api(?:$|[/?#;])/.test(normalisedPath(target));
}

/** True for a request-target that names the API in a spelling other than the one our client uses. */
export function nonCanonicalApiPath(target: string): boolean {
  if (CANONICAL.test(target.split('?', 1)[0] ?? '')) return false;
  return namesApi(target);
}

/**
 * Refuses any other spelling of an API path (encoded, doubled or dotted segments, other case, a trailing slash, an
 * absolute-form target): the guards run on the API's own routes whatever the spelling, and this keeps such
 * requests from reaching anything at all (the portal page included).
 */
export async function refuseNonCanonicalApiPath(req: FastifyRequest, reply: FastifyReply) {
  if (!nonCanonicalApiPath(req.url)) return;
  req.log.warn({ url: req.url }, 'refused a non-canonical spelling of an API path');
  return reply
    .code(400)
    .header('cache-control', 'no-store')
    .send({ error: { message: '请求路径无效', code: 'BAD_REQUEST' } });
}
