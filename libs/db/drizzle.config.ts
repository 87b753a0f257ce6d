import { defineConfig } from 'drizzle-kit';

// `generate` needs no database: it diffs src/schema against the snapshots in ./drizzle.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
