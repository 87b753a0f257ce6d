import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '@hyedu/api/testing';
import { DEMO_PASSWORD, type Database } from '@hyedu/db';
import { openTestDatabase } from '@hyedu/db/testing';
import { apiRoutes } from './api.ts';
import { buildApp } from './app.ts';
import { useTestServer } from './test-server.ts';

/**
 * The CSRF guard and the rate limit must hold for every spelling of an API path the router would accept.
 * Each spelling below names the API route `/api/trpc/<procedure>` (or /api/health) in some other way.
 */
const spellings = (rest: string) => [
  `/%61pi/${rest}`, // an encoded letter: the router decodes it
  `/%41PI/${rest}`,
  `/api/%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`, // an encoded letter after the prefix
  `/api/${rest.replace(/\.|$/, '%2E')}`, // an encoded dot (inside the procedure name)
  `/api%2F${rest}`, // an encoded slash
  `/api%2f${rest}`,
  `//api/${rest}`, // doubled slashes
  `/api//${rest}`,
  `/API/${rest}`, // case
  `/Api/${rest}`,
  `/x/../api/${rest}`, // dot segments
  `/./api/${rest}`,
  `/api/./${rest}`,
  `/api/${rest}/`, // trailing
  `/api/${rest}/.`,
  `/api/${rest}#x`,
  `/api\\${rest}`, // a backslash, which browsers read as a slash
  `http://localhost/api/${rest}`, // absolute form
  `/%2561pi/${rest}`, // double-encoded
];

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly this request-target: app.inject would normalise dot segments, so these go over a socket. */
function raw(app: FastifyInstance, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const BOUNDARY = 'hyeduform';
const FORM = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${BOUNDARY}--\r\n`;

async function signIn(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/trpc/auth.login',
    headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('request guards on every spelling of an API path', () => {
  const server = useTestServer({ 'portal/dist/index.html': '<!doctype html><title>portal</title>' }, { listen: true });

  it('a cross-site form cannot end a victim’s other sessions through any spelling of the path', async () => {
    const mine = await signIn(server.app, 'leader');
    const other = await signIn(server.app, 'leader');
    const alive = async () => (await server.app.inject({ url: '/api/trpc/auth.sessions', headers: { cookie: other } })).statusCode;
    expect(await alive()).toBe(200);
    // What a form on another origin sends: multipart/form-data, the victim's cookie, no custom header, a foreign Origin.
    const attack = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie: mine, origin: 'https://evil.example' };
    for (const path of spellings('trpc/auth.revokeOtherSessions')) {
      const res = await raw(server.app, 'POST', path, attack, FORM);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(await alive(), `the other session survives ${path}`).toBe(200);
    }
    // The canonical path is refused too, and with our header and no foreign origin the call works.
    expect((await raw(server.app, 'POST', '/api/trpc/auth.revokeOtherSessions', attack, FORM)).status).toBe(403);
    expect(await alive()).toBe(200);
    const own = await raw(
      server.app,
      'POST',
      '/api/trpc/auth.revokeOtherSessions',
      { 'content-type': 'application/json', cookie: mine, 'x-trpc-source': 'web' },
      '{}',
    );
    expect(own.status).toBe(200);
    expect(await alive()).toBe(401);
  });

  it('non-canonical spellings of API paths are refused outright, and never answered with the portal page', async () => {
    for (const path of [...spellings('trpc/platform.health'), ...spellings('health')]) {
      const res = await raw(server.app, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).not.toContain('portal');
      expect(res.body, path).toContain('请求路径无效');
    }
    // Page routes and files keep working.
    expect((await raw(server.app, 'GET', '/safety/schools?unit=430422')).body).toContain('portal');
    expect((await raw(server.app, 'GET', '/apis')).body).toContain('portal');
  });

  it('API answers are never stored by a browser or proxy, errors included', async () => {
    const cookie = await signIn(server.app, 'leader');
    const answers = [
      await server.app.inject({ url: '/api/trpc/platform.units', headers: { cookie } }),
      await server.app.inject({ url: '/api/trpc/platform.units,auth.me', headers: { cookie } }),
      await server.app.inject('/api/trpc/platform.units'), // 401
      await server.app.inject({ url: `/api/trpc/platform.schools?input=${encodeURIComponent('{"pageSize":5000}')}`, headers: { cookie } }), // 400
      await server.app.inject({ method: 'POST', url: '/api/trpc/auth.logout', headers: { 'content-type': 'text/plain' } }), // CSRF 403
      await server.app.inject('/api/trpc/no.such'), // 404 from tRPC
      await server.app.inject('/api/health'),
      await server.app.inject('/%61pi/health'), // refused
    ];
    for (const res of answers) expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 80)}`).toBe('no-store');
    // The portal's own files keep their caching.
    expect((await server.app.inject('/')).headers['cache-control']).toBe('no-cache');
  });

  it('the Content-Security-Policy allows module code from the platform and the allow-listed origins only', async () => {
    const directive = async (name: string) => {
      const csp = String((await server.app.inject('/')).headers['content-security-policy']);
      return csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    };
    expect(await directive('script-src')).toBe("script-src 'self'");
    const sysadmin = await callerAs(server.database, 'sysadmin');
    await sysadmin.admin.moduleOrigins.add({ origin: 'https://safety.dept.example', note: '安全稳定科模块服务器' });
    for (const name of ['script-src', 'style-src', 'connect-src'])
      expect(await directive(name)).toBe(`${name} 'self' https://safety.dept.example`);
    expect(await directive('img-src')).toBe("img-src 'self' https://safety.dept.example data:");
    expect(await directive('default-src')).toBe("default-src 'self'");
    await sysadmin.admin.moduleOrigins.remove({ origin: 'https://safety.dept.example', expectedVersion: 1 });
    expect(await directive('script-src')).toBe("script-src 'self'");
  });
});

describe('the API rate limit on every spelling of an API path', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', false);
    app = await buildApp({ database, serveStatic: false, logLevel: 'silent', rateLimitPerMinute: 3 });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('once the limit is reached, no spelling reaches an API route', async () => {
    for (let i = 0; i < 3; i++) expect((await app.inject('/api/health')).statusCode).toBe(200);
    expect((await app.inject('/api/trpc/platform.health')).statusCode).toBe(429);
    for (const path of [...spellings('trpc/platform.health'), ...spellings('health')]) {
      const res = await raw(app, 'GET', path);
      expect([400, 404, 429], `${path} → ${res.status} ${res.body.slice(0, 80)}`).toContain(res.status);
    }
  });
});

// The second layer on its own: without the path check in front, the guards still run on the API's routes.
describe('the guards belong to the API routes, whatever the path check in front of them does', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', false);
    app = Fastify({ logger: false });
    await app.register(apiRoutes, { prefix: '/api', database, allowedOrigins: [], rateLimitPerMinute: 4, secureCookies: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the router’s own decoding cannot take a request past the CSRF check or the rate limit', async () => {
    const attack = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: 'https://evil.example' };
    const first = await raw(app, 'POST', '/%61pi/trpc/auth.logout', attack, FORM);
    expect(first.status).toBe(403);
    expect(first.headers['cache-control']).toBe('no-store');
    for (const path of spellings('trpc/auth.logout')) {
      const res = await raw(app, 'POST', path, attack, FORM);
      expect([403, 404, 429], `${path} → ${res.status} ${res.body.slice(0, 80)}`).toContain(res.status);
    }
    // The spellings above that reached a route counted against the limit (4 a minute), as did the refusals.
    const codes: number[] = [];
    for (const path of ['/%61pi/health', '/api/health', 'http://localhost/api/health']) codes.push((await raw(app, 'GET', path)).status);
    expect(codes).toEqual([429, 429, 429]);
  });
});
