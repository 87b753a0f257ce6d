import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launch } from './browser.mjs';
import { startServer, type Running } from './server.ts';

/** Screenshots for a person to look at (not compared by the tests). */
export const SHOTS = join(tmpdir(), 'hyedu-screenshots');

/**
 * One test file's platform: a production server on its own PGlite folder with demo data (a copy of the run's seeded
 * folder, global-setup.ts), and one Chromium; both started before the file's tests and removed after. `server` may be
 * replaced by a test that restarts it.
 */
export function useHarness(prefix: string) {
  const h = {
    browser: undefined as unknown as Browser,
    server: undefined as unknown as Running,
    dataDir: mkdtempSync(join(tmpdir(), prefix)),
    /** Pages to photograph if the test fails (what the person would have seen). */
    watch: (page: Page) => void watched.push(page),
  };
  const watched: Page[] = [];
  mkdirSync(SHOTS, { recursive: true });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      for (const [i, page] of watched.entries()) {
        if (!page.isClosed())
          await page.screenshot({ path: join(SHOTS, `failed-${prefix}${i}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    watched.length = 0;
  });
  beforeAll(async () => {
    cpSync(inject('seededDataDir'), h.dataDir, { recursive: true });
    h.browser = await launch();
    h.server = await startServer(h.dataDir);
  });
  afterAll(async () => {
    await h.browser?.close();
    await h.server?.stop();
    rmSync(h.dataDir, { recursive: true, force: true });
  });
  return h;
}
