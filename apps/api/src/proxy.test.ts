import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { tables } from '@hyedu/db';
import { useTestServer } from './test-server.ts';

const PAGE = { 'portal/dist/index.html': '<!doctype html><title>portal</title>' };
const FRONT = '127.0.0.1';
const CLIENT = '203.0.113.9';

/** A failed sign-in as a browser on https://hy.example sends it through the front: the CSRF origin check and the audit see it. */
const signInThrough = (app: FastifyInstance, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/trpc/auth.login',
    remoteAddress,
    headers: {
      'content-type': 'application/json',
      'x-trpc-source': 'web',
      host: 'hy.example',
      origin: 'https://hy.example',
      'x-forwarded-for': CLIENT,
      'x-forwarded-proto': 'https',
    },
    payload: { username: 'leader', password: 'wrong-password-1A' },
  });

async function lastLoginSource(server: ReturnType<typeof useTestServer>) {
  const [row] = await server.database.db
    .select({ source: tables.auditLog.source })
    .from(tables.auditLog)
    .where(eq(tables.auditLog.action, 'auth.login'))
    .orderBy(desc(tables.auditLog.id))
    .limit(1);
  return row?.source;
}

describe('behind a TLS front or load balancer', () => {
  const server = useTestServer(PAGE, { app: { trustedProxies: [FRONT] } });

  it('believes the front: the page’s https origin passes the CSRF check, and the audit names the real client', async () => {
    const res = await signInThrough(server.app, FRONT);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('用户名或密码错误');
    expect(await lastLoginSource(server)).toBe(CLIENT);
  });

  it('ignores the same headers from anyone else: the scheme is not believed, so the foreign-looking origin is refused', async () => {
    const res = await signInThrough(server.app, '198.51.100.7');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('跨站请求防护');
  });
});

describe('without a configured front', () => {
  const server = useTestServer(PAGE);

  it('believes no forwarded header, even from the local address', async () => {
    expect((await signInThrough(server.app, FRONT)).statusCode).toBe(403);
    const direct = await server.app.inject({
      method: 'POST',
      url: '/api/trpc/auth.login',
      remoteAddress: FRONT,
      headers: { 'content-type': 'application/json', 'x-trpc-source': 'web', 'x-forwarded-for': CLIENT },
      payload: { username: 'leader', password: 'wrong-password-1A' },
    });
    expect(direct.statusCode).toBe(401);
    expect(await lastLoginSource(server)).toBe(FRONT);
  });
});
