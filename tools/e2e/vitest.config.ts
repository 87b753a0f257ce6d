import { defineConfig } from 'vitest/config';

// Two files at a time: each file has its own server (a copy of the run's seeded PGlite folder, global-setup.ts) and
// its own Chromium, so files share nothing; within a file the tests run in order (they change the registry between
// steps). The demo data is loaded once per run.
export default defineConfig({
  test: {
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    sequence: { concurrent: false },
  },
});
