// `DATABASE_URL=postgres://… pnpm datagen:province [--cities 10] [--scale 1]`: a province's data in an empty PostgreSQL
// database — Hengyang's synthetic data set (as `pnpm datagen`), then the next Hunan cities, each a copy of Hengyang's
// records under its own codes (province.ts says what a copy is), with the largest tables partitioned by county, and a
// demo account per city's bureau (city4304 for 衡阳市, city4301 for 长沙市 …; the demo password). Shows a progress bar,
// then what each city holds and the partitions. `--accounts`: only (re)make the city accounts of a province already
// built. PostgreSQL only: the embedded database is for one city.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_AS_OF, loadSecrets, migrate, openDatabase, seedDemoData } from '@hyedu/db';
import { addCityAccount, buildProvince, cityAccountName, HUNAN_CITIES, PARTITIONED, type Progress } from './province.ts';

const { values } = parseArgs({
  options: {
    cities: { type: 'string', default: '10' },
    scale: { type: 'string', default: '1' },
    accounts: { type: 'boolean', default: false },
  },
});
const cities = Number(values.cities);
const scale = Number(values.scale);
const url = process.env.DATABASE_URL;
if (!url || !Number.isInteger(cities) || cities < 2 || cities > HUNAN_CITIES.length || !(scale > 0 && scale <= 1)) {
  console.error(
    `用法：DATABASE_URL=postgres://… pnpm datagen:province [--cities 2–${HUNAN_CITIES.length}] [--scale 0.01–1]（空的 PostgreSQL 数据库）`,
  );
  process.exit(2);
}

/** A bar on a terminal; a line per tenth elsewhere (CI logs). */
function progressBar(): Progress {
  let lastTenth = -1;
  const started = performance.now();
  return (done, total, label) => {
    const share = total ? done / total : 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const text = `${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 行 ${seconds} 秒 ${label}`;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}\x1b[K`);
      if (done >= total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      console.error(text);
    }
  };
}

/** A demo account for each city's bureau in the database. */
async function cityAccounts(client: pg.Client) {
  const { rows } = await client.query<{ code: string }>(`select code from org_units where kind = 'city' order by code`);
  const cities = HUNAN_CITIES.filter((c) => rows.some((r) => r.code === c.code));
  for (const city of cities) await addCityAccount(client, city, cityAccountName(city));
  console.log(`市教育局演示账号：${cities.map((c) => `${cityAccountName(c)}（${c.name}）`).join('、')}`);
}

if (values.accounts) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await cityAccounts(client).finally(() => client.end());
  process.exit(0);
}

const secrets = loadSecrets({ allowLocal: process.env.NODE_ENV !== 'production' });
const database = await openDatabase({ url, keys: secrets });
const t0 = performance.now();
try {
  await migrate(database);
  const report = await seedDemoData(database.db, {
    scale,
    seed: 20220414,
    today: DEMO_AS_OF,
    dataKey: secrets.dataKey,
    indexKey: secrets.indexKey,
  });
  if (!report.seeded) {
    console.error(`数据库中已有数据（${report.schools} 所学校）。请使用空数据库。`);
    process.exit(1);
  }
  console.log(`衡阳市：${report.schools} 所学校，${report.students} 名在校生（${((performance.now() - t0) / 1000).toFixed(0)} 秒）`);
} finally {
  await database.close();
}

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const chosen = HUNAN_CITIES.slice(0, cities);
  const t1 = performance.now();
  const built = await buildProvince(client, chosen, progressBar());
  console.log(
    `复制 ${cities - 1} 个市：${built.units} 个单位，${built.tables} 张表，每市 ${built.perCity.toLocaleString('en-US')} 行，共 ${built.rows.toLocaleString('en-US')} 行（${((performance.now() - t1) / 1000).toFixed(0)} 秒）`,
  );
  await cityAccounts(client);
  await client.query('vacuum analyze');
  const { rows } = await client.query<{ city: string; schools: string; staff: string; appraisals: string; hazards: string }>(
    `select left(unit_code, 4) as city, count(*) filter (where t = 's') as schools, count(*) filter (where t = 'f') as staff,
            count(*) filter (where t = 'a') as appraisals, count(*) filter (where t = 'h') as hazards
       from (select unit_code, 's' as t from schools union all select unit_code, 'f' from teacher_staff
             union all select unit_code, 'a' from teacher_appraisals union all select unit_code, 'h' from safety_hazards) x
      group by 1 order by 1`,
  );
  const name = (prefix: string) => HUNAN_CITIES.find((c) => c.code.startsWith(prefix))?.name ?? prefix;
  for (const r of rows)
    console.log(`  ${name(r.city)}：学校 ${r.schools}，教职员工 ${r.staff}，年度考核 ${r.appraisals}，隐患 ${r.hazards}`);
  const { rows: parts } = await client.query<{ table: string; n: string }>(
    `select p.relname as table, count(*) as n from pg_inherits i join pg_class p on p.oid = i.inhparent
      where p.relname = any($1) group by 1 order by 1`,
    [[...PARTITIONED]],
  );
  console.log(`按县分区：${parts.map((p) => `${p.table} ${p.n} 个分区`).join('，')}`);
  const { rows: size } = await client.query<{ size: string }>('select pg_size_pretty(pg_database_size(current_database())) as size');
  console.log(`数据库大小 ${size[0]!.size}，共 ${((performance.now() - t0) / 1000).toFixed(0)} 秒`);
} finally {
  await client.end();
}
