import { defineConfig } from 'vitest/config';

// One file at a time: the tests share one server and one Chromium, and change the registry between steps.
export default defineConfig({
  test: { include: ['**/*.e2e.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false, sequence: { concurrent: false } },
});
