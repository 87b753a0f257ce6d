// Test helper: the real server (buildApp) on a fresh PGlite database, serving a stand-in build folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase } from '@hyedu/db/testing';
import { buildApp, type AppOptions } from './app.ts';

/** A build folder holding these files (path below the apps folder → content): the server serves whatever the build produced. */
export function buildFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-apps-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Starts the server on a fresh database before the suite (listening on a port if asked) and removes it all after. */
export function useTestServer(
  files: Record<string, string | Buffer>,
  opts: { listen?: boolean; app?: Pick<AppOptions, 'trustedProxies'> } = {},
) {
  const server = {} as { app: FastifyInstance; database: Database; appsDir: string };
  beforeAll(async () => {
    server.database = await openTestDatabase('pglite');
    server.appsDir = buildFolder(files);
    server.app = await buildApp({ database: server.database, serveStatic: true, logLevel: 'silent', appsDir: server.appsDir, ...opts.app });
    if (opts.listen) await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.app?.close();
    await server.database?.close();
    if (server.appsDir) rmSync(server.appsDir, { recursive: true, force: true });
  });
  return server;
}
