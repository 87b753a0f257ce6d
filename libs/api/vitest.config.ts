import { defineConfig } from 'vitest/config';

// Two files at a time: this is the longest suite of the unit step (the critical path), and each file opens its own
// database (PostgreSQL: its own copy of the seeded template; PGlite: its own data folder), so files share nothing.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000, maxWorkers: 2 },
});
