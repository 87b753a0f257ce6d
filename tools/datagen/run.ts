// `pnpm datagen [--scale 1] [--seed 20220414]`: fills an empty database with the synthetic Hengyang data set
// (organisation, module registry, the 2022 plan with tasks and reports, ~2,440 schools and kindergartens with
// ~1.16 M students as counts by school and grade, staffing, demo accounts) — deterministic from the seed.
// Uses DATABASE_URL (PostgreSQL) if set, otherwise PGlite in HYEDU_DATA_DIR (default .data/pglite).
// Later modules add their records here (safety hazards, teachers, aid) at realistic volumes.
import { parseArgs } from 'node:util';
import { loadSecrets, migrate, openDatabase, seedDemoData } from '@hyedu/db';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '20220414' } } });
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed)) {
  console.error('用法：pnpm datagen [--scale 0.01–1] [--seed 整数]');
  process.exit(2);
}
const secrets = loadSecrets({ allowLocal: process.env.NODE_ENV !== 'production' });
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HYEDU_DATA_DIR, keys: secrets });
try {
  await migrate(database);
  const t = performance.now();
  const report = await seedDemoData(database.db, { scale, seed, dataKey: secrets.dataKey });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  if (!report.seeded) console.log(`数据库中已有数据（${report.schools} 所学校），未重复生成。请使用空数据库。`);
  else console.log(`已生成（${database.engine}，${seconds} 秒）：${report.orgUnits} 个单位，${report.schools} 所学校，${report.students} 名在校生（${report.enrolmentRows} 行），${report.accounts} 个演示账号`);
} finally {
  await database.close();
}
