import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Database } from '@hyedu/db';
import { openTestDatabase } from '@hyedu/db/testing';
import { buildApp } from './app.ts';
import { useTestServer } from './test-server.ts';

// A stand-in build folder: the server's job is to serve whatever the build produced, from the right place.
const BUILD = {
  'portal/dist/index.html': '<!doctype html><title>portal</title>',
  'portal/dist/assets/index-AbCdEf12.js': 'console.log(1)',
  'safety/dist/remoteEntry.js': 'export {}',
};

describe('server', () => {
  const server = useTestServer(BUILD);

  it('reports health with the database engine', async () => {
    const res = await server.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', engine: 'pglite' });
  });

  let cookie = '';
  it('signs in over HTTP: an httpOnly, SameSite session cookie', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/trpc/auth.login',
      headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^hy_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    cookie = setCookie.split(';')[0]!;
    expect((await server.app.inject('/api/trpc/platform.modules')).statusCode).toBe(401);
  });

  it('answers tRPC queries over HTTP with security headers', async () => {
    const res = await server.app.inject({ url: '/api/trpc/platform.modules', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.data).toHaveLength(4);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives field errors for bad input, and never a stack trace', async () => {
    const input = encodeURIComponent(JSON.stringify({ pageSize: 5000 }));
    const res = await server.app.inject({ url: `/api/trpc/platform.schools?input=${input}`, headers: { cookie } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.data.zodError.fieldErrors.pageSize).toEqual(['每页最多100条']);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('serves the portal at / (deep links too) and each module under /mf/<key>/', async () => {
    expect((await server.app.inject('/')).body).toContain('portal');
    const deep = await server.app.inject('/safety/schools?unit=430422');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('portal');
    expect(deep.headers['cache-control']).toBe('no-cache');
    // A route with a dot in it (a KPI id) is a page, not a file.
    expect((await server.app.inject('/dashboard/safety.compliance')).body).toContain('portal');
    const asset = await server.app.inject('/assets/index-AbCdEf12.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const entry = await server.app.inject('/mf/safety/remoteEntry.js');
    expect(entry.statusCode).toBe(200);
    expect(entry.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for missing files, API paths and modules, without the portal page', async () => {
    for (const url of ['/mf/teachers/remoteEntry.js', '/api/nothing', '/missing.js', '/favicon.ico', '/robots.txt']) {
      const res = await server.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('portal');
    }
  });
});

describe('request guards', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', false);
    app = await buildApp({
      database,
      serveStatic: false,
      logLevel: 'silent',
      rateLimitPerMinute: 5,
      allowedOrigins: ['http://localhost:5173'],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('refuses state-changing API requests without our header or from another origin', async () => {
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/trpc/platform.health', headers, payload: {} });
    const plain = await post({ 'content-type': 'application/json' });
    expect(plain.statusCode).toBe(403);
    expect(plain.json().error.message).toContain('跨站请求防护');
    expect((await post({ 'content-type': 'text/plain', 'x-trpc-source': 'web', origin: 'https://evil.example' })).statusCode).toBe(403);
    // Our header, same origin or an allowed dev origin: it reaches tRPC (which then says a query is not a mutation).
    expect((await post({ 'content-type': 'application/json', 'x-trpc-source': 'web', origin: 'http://localhost:80' })).statusCode).not.toBe(
      403,
    );
    expect(
      (await post({ 'content-type': 'application/json', 'x-trpc-source': 'web', origin: 'http://localhost:5173' })).statusCode,
    ).not.toBe(403);
  });

  it('rate-limits the API per client with a Chinese message', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await app.inject('/api/health')).statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    const limited = await app.inject('/api/health');
    expect(limited.json().error.message).toMatch(/请求过于频繁/);
  });
});
