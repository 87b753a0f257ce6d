import { defineConfig } from 'vitest/config';

// One file at a time: several files build the demo data from nothing (a minute of one core each); they run beside the
// API library's tests, which take the second core (the unit step runs two projects at once).
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
