// Once per browser-test run: one production server loads the demo data into a PGlite folder and stops; each test
// file's harness starts from a copy of that folder instead of loading the demo data again (about 30 s per file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's PGlite folder holding the migrated demo data. */
    seededDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-e2e-template-'));
  const server = await startServer(dir);
  await server.stop();
  project.provide('seededDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
