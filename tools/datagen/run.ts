// `pnpm datagen [--scale 1] [--seed 20220414] [--today YYYY-MM-DD]`: fills an empty database with the synthetic
// Hengyang data set — organisation, module registry, the 2022 plan with tasks and reports, ~2,440 schools and
// kindergartens with ~1.16 M students as counts by school and grade, staffing, demo accounts, and the safety module's
// records for the year up to `today` (default: the demo's as-of date DEMO_AS_OF, 2022-11-30, inside the plan year): the 4个100% of every school for this term and the
// last (~4,300), ~7,000 inspections, ~50,000 hazards with their rectification, ~25,000 专项教育 activities, ~150
// incidents with their reporting chain (hazards, inspections and incidents × scale). Deterministic from seed + today.
// Uses DATABASE_URL (PostgreSQL) if set, otherwise PGlite in HYEDU_DATA_DIR (default .data/pglite); prints what it
// wrote, counted in the database afterwards. The teachers module's staff registry (~97,000 people with their hire entries, ethics cases, 黑名单) is loaded too.
// Later modules add their records here (aid) at realistic volumes.
import { parseArgs } from 'node:util';
import { DEMO_AS_OF, loadSecrets, migrate, openDatabase, seedDemoData, tables } from '@hyedu/db';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '20220414' }, today: { type: 'string' } },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
const today = values.today ?? DEMO_AS_OF;
if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed) || (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))) {
  console.error('用法：pnpm datagen [--scale 0.01–1] [--seed 整数] [--today YYYY-MM-DD]');
  process.exit(2);
}
const secrets = loadSecrets({ allowLocal: process.env.NODE_ENV !== 'production' });
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HYEDU_DATA_DIR, keys: secrets });
try {
  await migrate(database);
  const t = performance.now();
  const report = await seedDemoData(database.db, { scale, seed, today, dataKey: secrets.dataKey, indexKey: secrets.indexKey });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  if (!report.seeded) console.log(`数据库中已有数据（${report.schools} 所学校），未重复生成。请使用空数据库。`);
  else {
    console.log(
      `已生成（${database.engine}，${seconds} 秒）：${report.orgUnits} 个单位，${report.schools} 所学校，${report.students} 名在校生（${report.enrolmentRows} 行），${report.accounts} 个演示账号`,
    );
    // The safety module's rows as the database has them (counted, not taken from the generator's report).
    const { db } = database;
    const n = async (table: Parameters<typeof db.$count>[0]) => (await db.$count(table)).toLocaleString('en-US');
    console.log(
      `安全管理：${await n(tables.safetyProfiles)} 条“4个100%”学期填报，${await n(tables.safetyInspections)} 次检查，${await n(tables.safetyHazards)} 条隐患，` +
        `${await n(tables.safetyActivities)} 次专项教育活动，${await n(tables.safetyIncidents)} 起安全事件（${await n(tables.safetyIncidentReports)} 条报送记录）`,
    );
    console.log(
      `教师队伍：${await n(tables.teacherStaff)} 名教职员工（含已离岗），${await n(tables.teacherEntries)} 条入职准入记录，` +
        `${await n(tables.teacherEthicsCases)} 件师德失范案件，${await n(tables.teacherBlacklist)} 条黑名单`,
    );
  }
} finally {
  await database.close();
}
