// A province's data on PostgreSQL (HYEDU_TEST_PG_URL): three cities at 2 % of Hengyang's size, partitioned by county.
// Checks that every copied city holds what Hengyang holds, that the copies keep the database's unique keys and its
// sequences ahead, and that a county user's lists, read through the API, scan that county's partitions and no other.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '@hyedu/api/testing';
import { DEMO_AS_OF, loadSecrets, migrate, openDatabase, seedDemoData, type Database } from '@hyedu/db';
import { buildProvince, copyPlan, HUNAN_CITIES, PARTITIONED, withPartitionKey } from './province.ts';

const PG = process.env.HYEDU_TEST_PG_URL;
const NAME = 'hyedu_province_test';
const url = (db: string) => {
  const u = new URL(PG!);
  u.pathname = `/${db}`;
  return u.toString();
};

describe('withPartitionKey', () => {
  it('adds the partition key to a unique index once, before its predicate', () => {
    const def = 'CREATE UNIQUE INDEX x ON public.t USING btree (id_index, year) WHERE (left_on IS NULL)';
    expect(withPartitionKey(def, 'unit_code')).toBe(
      'CREATE UNIQUE INDEX x ON public.t USING btree (id_index, year, unit_code) WHERE (left_on IS NULL)',
    );
    expect(withPartitionKey('CREATE UNIQUE INDEX y ON public.t USING btree (unit_code, year)', 'unit_code')).toBe(
      'CREATE UNIQUE INDEX y ON public.t USING btree (unit_code, year)',
    );
  });
});

describe.skipIf(!PG)('a province on PostgreSQL', { timeout: 600_000 }, () => {
  const secrets = loadSecrets({ allowLocal: true });
  const cities = HUNAN_CITIES.slice(0, 3);
  let client: pg.Client;
  let database: Database;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url('postgres') });
    await admin.connect();
    await admin.query(`drop database if exists ${NAME} with (force)`);
    await admin.query(`create database ${NAME}`);
    await admin.end();
    database = await openDatabase({ url: url(NAME), keys: secrets });
    await migrate(database);
    await seedDemoData(database.db, {
      scale: 0.02,
      seed: 20220414,
      today: DEMO_AS_OF,
      dataKey: secrets.dataKey,
      indexKey: secrets.indexKey,
    });
    client = new pg.Client({ connectionString: url(NAME) });
    await client.connect();
    const seen: number[] = [];
    await buildProvince(client, cities, (done) => seen.push(done));
    expect(seen.at(-1)).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await client.query('analyze');
  });
  afterAll(async () => {
    await client?.end();
    await database?.close();
    const admin = new pg.Client({ connectionString: url('postgres') });
    await admin.connect();
    await admin.query(`drop database if exists ${NAME} with (force)`).finally(() => admin.end());
  });

  const reconnect = async () => {
    await database.close();
    await client.end();
    await new Promise((r) => setTimeout(r, 500));
    database = await openDatabase({ url: url(NAME), keys: secrets });
    client = new pg.Client({ connectionString: url(NAME) });
    await client.connect();
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);

  it('gives every city what Hengyang has, table by table', async () => {
    const plan = await copyPlan(client);
    expect(plan.map((t) => t.name)).toEqual(expect.arrayContaining(['schools', 'safety_hazards', 'teacher_staff', 'funding_aid_payments']));
    for (const t of plan) {
      const ids = t.columns.some((c) => c.name === 'id') && t.rewrite.get('id')!.includes('{offset}');
      if (!ids) continue;
      const per = await client.query<{ k: number; n: string }>(
        `select (id / 10000000)::int as k, count(*) as n from ${t.name} group by 1 order by 1`,
      );
      const counts = per.rows.map((r) => Number(r.n));
      if (counts.length === 0) continue;
      expect(
        per.rows.map((r) => r.k),
        t.name,
      ).toEqual([0, 1, 2]);
      expect(new Set(counts).size, t.name).toBe(1);
    }
    const units = await client.query<{ city: string; n: string }>(
      `select left(code, 4) as city, count(*) as n from org_units group by 1 order by 1`,
    );
    expect(units.rows).toEqual([
      { city: '4301', n: '14' },
      { city: '4302', n: '14' },
      { city: '4304', n: '14' },
    ]);
    // A copied school, hazard and staff member belong to the city's own units and schools.
    expect(
      await count(
        `select count(*) as n from safety_hazards h join schools s on s.id = h.school_id where left(h.unit_code, 4) <> left(s.unit_code, 4)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from teacher_staff f join schools s on s.id = f.school_id where left(f.unit_code, 4) <> left(s.unit_code, 4)`,
      ),
    ).toBe(0);
    expect(await count(`select count(*) as n from schools where unit_code not in (select code from org_units)`)).toBe(0);
  });

  it('refuses to copy the cities again into a database that already holds them', async () => {
    await expect(buildProvince(client, cities)).rejects.toThrow(/只能从只含衡阳市数据的库开始生成/);
  });

  it('keeps the unique keys per person and the sequences past the copies', async () => {
    // The same person in two cities is two people: their blind indexes differ, and each city's are unique.
    expect(await count(`select count(*) - count(distinct id_index) as n from teacher_staff where left_on is null`)).toBe(0);
    expect(await count(`select count(*) - count(distinct code) as n from schools`)).toBe(0);
    const { rows } = await client.query<{ next: string; max: string }>(
      `select nextval(pg_get_serial_sequence('safety_hazards', 'id')) as next, (select max(id) from safety_hazards) as max`,
    );
    expect(Number(rows[0]!.next)).toBeGreaterThan(Number(rows[0]!.max));
  });

  it('partitions the largest tables by county, with nothing left in a default partition', async () => {
    for (const table of PARTITIONED) {
      expect(await count(`select count(*) as n from pg_class where relname = $1 and relkind = 'p'`, [table]), table).toBe(1);
      expect(await count(`select count(*) as n from pg_inherits where inhparent = $1::regclass`, [table]), table).toBe(43);
      expect(await count(`select count(*) as n from ${table}_default`), table).toBe(0);
    }
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `explain (costs off) select count(*) from safety_hazards where unit_code = any($1)`,
      [['430422']],
    );
    const scanned = plan.rows
      .map((r) => r['QUERY PLAN'])
      .join('\n')
      .match(/safety_hazards_\d{6}/g);
    expect([...new Set(scanned)]).toEqual(['safety_hazards_430422']);
  });

  it("reads a county user's lists through the API from that county's partitions only", async () => {
    // A backend reports its scans when its session ends (or a second after its last report): end every session
    // that read before, then start the counters from zero.
    await reconnect();
    const hengnan = await callerAs(database, 'hengnan');
    const zizhu = await callerAs(database, 'hnzizhu');
    await client.query('select pg_stat_reset()');
    const hazards = await hengnan.safety.hazards.list({ page: 1, pageSize: 20 });
    const searched = await hengnan.safety.hazards.list({ page: 1, pageSize: 20, q: '灭火器' });
    const appraisals = await hengnan.teachers.appraisal.list({ page: 1, pageSize: 20 });
    const training = await hengnan.teachers.training.records.list({ page: 1, pageSize: 20 });
    const unmatched = await zizhu.funding.aid.unmatched({ page: 1, pageSize: 20 });
    const coverage = await hengnan.safety.activities.coverage();
    expect(coverage.rows.map((r) => r.unitCode)).toEqual(['430422']);
    expect(hazards.total).toBeGreaterThan(0);
    expect(appraisals.total).toBeGreaterThan(0);
    expect(training.total + unmatched.total + searched.total).toBeGreaterThan(0);
    expect([...hazards.rows, ...appraisals.rows].every((r) => r.unitCode === '430422')).toBe(true);
    await reconnect();
    const { rows } = await client.query<{ relname: string }>(
      `select relname from pg_stat_user_tables
        where relid in (select inhrelid from pg_inherits where inhparent = any($1::regclass[])) and seq_scan + coalesce(idx_scan, 0) > 0`,
      [PARTITIONED],
    );
    const touched = rows.map((r) => r.relname).sort();
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.filter((t) => !t.endsWith('_430422'))).toEqual([]);
  });
});
