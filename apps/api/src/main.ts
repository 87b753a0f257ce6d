import { count, eq } from 'drizzle-orm';
import { shareChanges, takeKpiSnapshot } from '@hyedu/api';
import { loadSecrets, migrate, openDatabase, seedDemoData, tables } from '@hyedu/db';
import { DEMO_AS_OF } from '@hyedu/domain';
import { buildApp } from './app.ts';
import { readEnv } from './env.ts';

const env = readEnv();
// Keys come from configuration; only a non-production start may create local demo keys.
const secrets = loadSecrets({ allowLocal: env.NODE_ENV !== 'production' });
// A database that cannot be opened (PostgreSQL not answering, the embedded folder read-only) is said in one line, not a stack.
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.HYEDU_DATA_DIR,
  keys: secrets,
  poolMax: env.HYEDU_DB_POOL,
  standbyUrl: env.DATABASE_STANDBY_URL,
  standbyMaxLagMs: env.HYEDU_STANDBY_MAX_LAG * 1000,
}).catch((e: unknown) => {
  console.error(`启动失败：${(e as Error).message}`);
  process.exit(1);
});
// Several instances may start together over one PostgreSQL: one migrates and loads the demo data, the others wait
// for it and then find both done.
await database.exclusive('start', () => migrate(database));
const production = env.NODE_ENV === 'production';
// One business date for every figure: the demo's own (its records lead up to it), production's real date.
const asOf = env.HYEDU_AS_OF ?? (!production && env.HYEDU_SEED === '1' ? DEMO_AS_OF : undefined);
if (production) {
  // A production start never loads demo data and refuses to run while demo accounts exist.
  const [demo] = await database.db.select({ n: count() }).from(tables.accounts).where(eq(tables.accounts.isDemo, true));
  if ((demo?.n ?? 0) > 0) {
    console.error(`生产环境中存在 ${demo?.n} 个演示账号，拒绝启动。请删除演示账号后再启动。`);
    process.exit(1);
  }
} else if (env.HYEDU_SEED === '1') {
  const report = await database.exclusive('start', () =>
    seedDemoData(database.db, {
      scale: env.HYEDU_SEED_SCALE,
      dataKey: secrets.dataKey,
      indexKey: secrets.indexKey,
      today: asOf,
    }),
  );
  if (report.seeded) console.log(`已载入演示数据：${report.schools} 所学校，${report.students} 名在校生`);
}
const app = await buildApp({
  database,
  serveStatic: env.HYEDU_SERVE_STATIC === '1',
  logLevel: env.LOG_LEVEL,
  rateLimitPerMinute: env.HYEDU_RATE_LIMIT,
  secureCookies: production,
  asOf,
  trustedProxies: env.HYEDU_TRUSTED_PROXIES,
});

// Other instances of this database hear this one's changes (KPI rollups, policy, module origins) and it hears theirs.
const changes = await shareChanges(database);

// The dashboard's trend: today's KPI values now, then every 6 hours (one row per KPI, day and unit; an upsert). While
// another instance is taking one, this one skips its turn.
const snapshot = () =>
  database
    .ifFree('kpi-snapshot', () => takeKpiSnapshot(database.db, new Date(), asOf))
    .catch((e: unknown) => app.log.error(`KPI 快照失败：${(e as Error).message}`));
await snapshot();
setInterval(() => void snapshot(), 6 * 3_600_000).unref();

const shutdown = async (signal: string) => {
  app.log.info(`${signal}: shutting down`);
  await app.close();
  await changes?.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: env.PORT, host: env.HOST });
console.log(`hyedu 已启动：http://${env.HOST}:${env.PORT}/ （数据库：${database.engine} ${database.location}）`);
