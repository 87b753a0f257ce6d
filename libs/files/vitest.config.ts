import { defineConfig } from 'vitest/config';

// The tests build real zip and PDF bombs (tens of MB of zeros, deflated): slow on a busy machine, so a longer timeout.
export default defineConfig({ test: { testTimeout: 60_000 } });
