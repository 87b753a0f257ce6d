#!/usr/bin/env node
// `pnpm start`: builds what is not built yet (Nx caches the rest), then serves the whole platform on
// http://127.0.0.1:3000 (PORT to change it) with embedded PGlite and demo data (or PostgreSQL if DATABASE_URL is set).
import { bin, run } from './lib.mjs';

const built = await run(bin('nx'), ['run-many', '-t', 'build', '--outputStyle=static']);
if (built !== 0) {
  console.error('构建失败，无法启动。');
  process.exit(built);
}
process.exit(await run(bin('tsx'), ['apps/api/src/main.ts']));
