import { connect, createServer, type Server, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGE, DEMO_PASSWORD, openDatabase, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_KEYS, testEngines } from '@hyedu/db/testing';
import { buildApp } from './app.ts';

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored on the same port. */
function relay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => (client.destroy(), upstream.destroy());
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  return {
    open,
    port: () => port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        server!.close(() => resolve());
      }),
  };
}

const pg = testEngines().includes('postgresql');

describe.skipIf(!pg)('the database unreachable (PostgreSQL through a relay that is cut and restored)', () => {
  let base: Database;
  let database: Database;
  let app: FastifyInstance;
  const link = relay(new URL(process.env.HYEDU_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test'));
  beforeAll(async () => {
    base = await openTestDatabase('postgresql');
    await link.open();
    const url = new URL(process.env.HYEDU_TEST_PG_URL!);
    url.port = String(link.port());
    url.pathname = new URL(base.location.replace('***', 'x')).pathname;
    database = await openDatabase({ url: url.toString(), poolMax: 3, keys: TEST_KEYS });
    app = await buildApp({ database, serveStatic: false, logLevel: 'silent' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await base?.close();
  });

  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/trpc/auth.login',
      headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });

  it('answers 503 in Chinese while it is cut — health, a sign-in, a read — and serves again once it is back', async () => {
    const signedIn = await login();
    expect(signedIn.statusCode).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    await link.cut();
    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE });
    for (const res of [await login(), await app.inject({ url: '/api/trpc/auth.start', headers: { 'x-trpc-source': 'web', cookie } })]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().error).toMatchObject({
        message: DATABASE_UNAVAILABLE_MESSAGE,
        data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
      });
      expect(res.body).not.toMatch(/ECONNREFUSED|Connection terminated|stack/);
    }
    await link.open();
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
  }, 60_000);
});
