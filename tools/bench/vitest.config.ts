import { defineConfig } from 'vitest/config';

// Only the load drill's short version runs as a test; the benchmarks themselves are commands (pnpm bench:*).
export default defineConfig({ test: { include: ['*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 } });
