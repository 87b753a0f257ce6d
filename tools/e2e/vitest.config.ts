import { defineConfig } from 'vitest/config';

// One file at a time: the tests share one server and one Chromium, and change the registry between steps. The demo
// data is loaded once per run (global-setup.ts); each file's server starts from a copy.
export default defineConfig({
  test: {
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
