// A province's data on PostgreSQL: Hengyang's generated data set, then more cities of Hunan, each a copy of Hengyang's
// records under the city's own codes and ids, and the largest tables partitioned by county (PostgreSQL's native list
// partitioning). For load and plan measurements; see docs/ARCHITECTURE.md, "A province".
//
// What a copied city is: every table that carries a unit_code or a school_id (and every table that hangs off one of
// those by a foreign key) gets Hengyang's rows again with
//   - ids shifted by city × ID_STRIDE (primary keys and every foreign key to a copied table),
//   - unit codes moved into the city (43 04 xx → 43 cc xx; the counties are named "<city><Hengyang's county>（模拟）"),
//   - what is unique per person or per institution made the city's own (the blind index of an ID number, a payment's
//     request key, a 统一社会信用代码's region, a platform id, a school's 10-digit code).
// The copies' encrypted fields are Hengyang's ciphertexts: a copied person shows Hengyang's name and cannot be found by
// an ID number. Load data only — never a real deployment's.
import type pg from 'pg';
import { DEMO_PASSWORD, hashPassword } from '@hyedu/db';

/** Hunan's prefecture-level divisions (GB/T 2260), Hengyang first: a province of N cities takes the first N. */
export const HUNAN_CITIES = [
  { code: '430400', name: '衡阳市' },
  { code: '430100', name: '长沙市' },
  { code: '430200', name: '株洲市' },
  { code: '430300', name: '湘潭市' },
  { code: '430500', name: '邵阳市' },
  { code: '430600', name: '岳阳市' },
  { code: '430700', name: '常德市' },
  { code: '430800', name: '张家界市' },
  { code: '430900', name: '益阳市' },
  { code: '431000', name: '郴州市' },
  { code: '431100', name: '永州市' },
  { code: '431200', name: '怀化市' },
  { code: '431300', name: '娄底市' },
  { code: '433100', name: '湘西土家族苗族自治州' },
] as const;
export type City = (typeof HUNAN_CITIES)[number];

/** The source city's code prefix (衡阳市 430400 and its units 4304xx). */
const SOURCE_PREFIX = '4304';
/** Ids of the k-th city are Hengyang's + k × this: Hengyang's largest table holds fewer than a million rows. */
export const ID_STRIDE = 10_000_000;

/**
 * The tables partitioned by county: the largest ones that nothing references by a foreign key (a partitioned table's
 * unique keys must contain the partition key, so a foreign key to its id alone is impossible).
 */
export const PARTITIONED = [
  'teacher_appraisals',
  'teacher_training_records',
  'funding_aid_listed',
  'funding_aid_matches',
  'safety_hazards',
  'safety_activities',
] as const;

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`无效的名称：${name}`);
  return `"${name}"`;
};
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The city's two code digits (430100 → 01). */
const cityDigits = (city: City) => city.code.slice(2, 4);

/** The org units of the cities after the first: the city itself and a copy of each of Hengyang's county-level units. */
export async function addCities(client: pg.Client, cities: readonly City[]): Promise<string[]> {
  const { rows: units } = await client.query<{ code: string; name: string; kind: string; sort_order: number }>(
    `select code, name, kind, sort_order from org_units where code like '${SOURCE_PREFIX}%' order by sort_order`,
  );
  const codes: string[] = [];
  for (const [k, city] of cities.entries()) {
    if (city.code.startsWith(SOURCE_PREFIX)) continue;
    for (const u of units) {
      const code = `43${cityDigits(city)}${u.code.slice(4)}`;
      const isCity = u.kind === 'city';
      const name = isCity ? city.name : `${city.name}${u.name}（模拟）`;
      await client.query(
        `insert into org_units (code, name, bureau_name, kind, parent_code, sort_order) values ($1, $2, $3, $4, $5, $6)
         on conflict (code) do nothing`,
        [code, name, isCity ? `${city.name}教育局` : `${name}教育局`, u.kind, isCity ? null : city.code, k * 100 + u.sort_order],
      );
      codes.push(code);
    }
  }
  return codes;
}

/** The position of the parenthesis closing the one opened at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  throw new Error(`括号不匹配：${text}`);
}

/** A unique index's definition with the partition key added to its columns (PostgreSQL requires it). */
export function withPartitionKey(def: string, key: string): string {
  const open = def.indexOf('(', def.indexOf(' USING '));
  const close = closing(def, open);
  const columns = def.slice(open + 1, close);
  if (columns.split(',').some((c) => c.trim() === key)) return def;
  return `${def.slice(0, close)}, ${key}${def.slice(close)}`;
}

/**
 * Turns `table` into a table partitioned by LIST (unit_code) with a partition per unit code (and a default one), its
 * rows, indexes, checks, foreign keys and sequence kept. Unique keys gain unit_code (a person's appraisal is unique
 * per year within a county). Refuses a table something references by a foreign key.
 */
export async function partitionByUnit(client: pg.Client, table: string, unitCodes: readonly string[]): Promise<void> {
  const t = ident(table);
  const flat = ident(`${table}__flat`);
  const { rows: kind } = await client.query<{ relkind: string }>(`select relkind from pg_class where oid = $1::regclass`, [table]);
  if (kind[0]?.relkind === 'p') return;
  const { rowCount: inbound } = await client.query(`select 1 from pg_constraint where contype = 'f' and confrelid = $1::regclass`, [table]);
  if (inbound) throw new Error(`${table} 被外键引用，不能按县分区`);
  const { rows: indexes } = await client.query<{ name: string; def: string; primary: boolean; unique: boolean }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def, i.indisprimary as primary, i.indisunique as unique
       from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = $1::regclass`,
    [table],
  );
  const { rows: foreign } = await client.query<{ name: string; def: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and conrelid = $1::regclass`,
    [table],
  );
  const { rows: seq } = await client.query<{ seq: string | null }>(`select pg_get_serial_sequence($1, 'id') as seq`, [table]);
  const sequence = seq[0]?.seq ?? null;

  await client.query('begin');
  try {
    if (sequence) await client.query(`alter sequence ${sequence} owned by none`);
    await client.query(`alter table ${t} rename to ${flat}`);
    for (const ix of indexes) await client.query(`alter index ${ident(ix.name)} rename to ${ident(`${ix.name}__flat`)}`);
    await client.query(
      `create table ${t} (like ${flat} including defaults including constraints including generated including storage) partition by list (unit_code)`,
    );
    for (const code of unitCodes) {
      if (!/^\d{6}$/.test(code)) throw new Error(`无效的单位代码：${code}`);
      await client.query(`create table ${ident(`${table}_${code}`)} partition of ${t} for values in (${literal(code)})`);
    }
    await client.query(`create table ${ident(`${table}_default`)} partition of ${t} default`);
    for (const ix of indexes) {
      if (ix.primary) {
        await client.query(`alter table ${t} add constraint ${ident(ix.name)} primary key (id, unit_code)`);
        continue;
      }
      // The definition names the table, which is now the partitioned one: the index is made on every partition.
      await client.query(ix.unique ? withPartitionKey(ix.def, 'unit_code') : ix.def);
    }
    for (const fk of foreign) await client.query(`alter table ${t} add constraint ${ident(fk.name)} ${fk.def}`);
    await client.query(`insert into ${t} select * from ${flat}`);
    await client.query(`drop table ${flat}`);
    if (sequence) await client.query(`alter sequence ${sequence} owned by ${t}.id`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}

interface Column {
  name: string;
  notNull: boolean;
  integer: boolean;
}
interface Table {
  name: string;
  columns: Column[];
  /** Per column, how a copy rewrites it (SQL over the source row `s`; {cc} is the city's two digits, {offset} the ids' shift). */
  rewrite: Map<string, string>;
  /** The condition that picks the source city's rows. */
  source: string;
  /** The source city's rows, and all the table's rows (the same until a city has been copied). */
  rows: number;
  total: number;
}

type Rule = 'offset' | 'unit' | 'keep';

/** Ids that point at a copied table's row without a declared foreign key. */
const UNDECLARED: Record<string, string> = {
  'private_levers.conversion_id': 'private_conversions',
  'funding_aid_matches.student_id': 'funding_aid_students',
};

/** Columns unique per person or institution, and how a copy makes them the city's own. */
const UNIQUE_REWRITES: Record<string, (col: string) => string> = {
  // The blind index of an ID number (64 hex digits): a different person in each city, the same across its tables.
  id_index: (c) => `encode(sha256(convert_to(${c} || ':43' || {cc}, 'UTF8')), 'hex')`,
  request_key: (c) => `encode(sha256(convert_to(${c} || ':43' || {cc}, 'UTF8')), 'hex')`,
  // 统一社会信用代码 and the platform's institution id carry the county's code.
  uscc: (c) => `regexp_replace(${c}, '${SOURCE_PREFIX}', '43' || {cc})`,
  platform_id: (c) => `regexp_replace(${c}, '${SOURCE_PREFIX}', '43' || {cc})`,
  named_key: (c) => `${c} || '@43' || {cc}`,
};

/**
 * The tables a city's copy fills, in foreign-key order, with each column's rewrite: everything that carries a
 * unit_code or a school_id, and what references those. org_units is written by addCities.
 */
export async function copyPlan(client: pg.Client): Promise<Table[]> {
  const { rows: cols } = await client.query<{ table: string; column: string; not_null: boolean; generated: string; type: string }>(
    `select c.relname as table, a.attname as column, a.attnotnull as not_null, a.attgenerated as generated, a.atttypid::regtype::text as type
       from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
        and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`,
  );
  const { rows: fks } = await client.query<{ table: string; ref: string; cols: string[]; refcols: string[] }>(
    `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as ref,
            array(select attname from unnest(c.conkey) with ordinality k(n, o) join pg_attribute on attrelid = c.conrelid and attnum = k.n order by o)::text[] as cols,
            array(select attname from unnest(c.confkey) with ordinality k(n, o) join pg_attribute on attrelid = c.confrelid and attnum = k.n order by o)::text[] as refcols
       from pg_constraint c where c.contype = 'f' and c.conparentid = 0 and c.connamespace = 'public'::regnamespace`,
  );
  const { rows: pks } = await client.query<{ table: string; cols: string[] }>(
    `select conrelid::regclass::text as table,
            array(select attname from unnest(conkey) k(n) join pg_attribute on attrelid = conrelid and attnum = k.n)::text[] as cols
       from pg_constraint where contype = 'p' and conparentid = 0 and connamespace = 'public'::regnamespace`,
  );
  const columns = new Map<string, Column[]>();
  for (const c of cols) {
    if (c.generated) continue;
    const integer = ['integer', 'bigint', 'smallint'].includes(c.type);
    columns.set(c.table, [...(columns.get(c.table) ?? []), { name: c.column, notNull: c.not_null, integer }]);
  }
  const ownId = new Set(pks.filter((p) => p.cols.length === 1 || p.cols.join() === 'id,unit_code').map((p) => `${p.table}.${p.cols[0]}`));
  const refOf = new Map<string, { ref: string; refcol: string }>();
  for (const fk of fks) fk.cols.forEach((col, i) => refOf.set(`${fk.table}.${col}`, { ref: fk.ref, refcol: fk.refcols[i]! }));
  for (const [column, ref] of Object.entries(UNDECLARED)) refOf.set(column, { ref, refcol: 'id' });

  // The set: tables with unit_code or school_id, then whatever references one of them, until nothing is added.
  const copied = new Set([...columns].filter(([, cs]) => cs.some((c) => c.name === 'unit_code' || c.name === 'school_id')).map(([t]) => t));
  copied.delete('org_units');
  copied.add('schools');
  for (let grown = true; grown;) {
    grown = false;
    for (const fk of fks)
      if (copied.has(fk.ref) && !copied.has(fk.table)) {
        copied.add(fk.table);
        grown = true;
      }
  }

  /** How a copy rewrites a column: a foreign key as what it references, an own integer id shifted, a unit code moved. */
  const rule = (table: string, column: string, depth = 0): Rule => {
    if (depth > 10) throw new Error(`外键环：${table}.${column}`);
    const ref = refOf.get(`${table}.${column}`);
    if (ref?.ref === 'org_units') return 'unit';
    if (ref && ref.ref === table) return 'offset';
    if (ref && copied.has(ref.ref)) return rule(ref.ref, ref.refcol, depth + 1);
    if (ref) return 'keep';
    const integer = columns.get(table)!.find((c) => c.name === column)?.integer ?? false;
    if (integer && (ownId.has(`${table}.${column}`) || column === 'school_id')) return 'offset';
    return column === 'unit_code' ? 'unit' : 'keep';
  };

  const plan: Table[] = [];
  for (const name of copied) {
    const cs = columns.get(name)!;
    const rewrite = new Map<string, string>();
    let source: string | undefined;
    for (const c of cs) {
      const s = `s.${ident(c.name)}`;
      const r = rule(name, c.name);
      if (r === 'offset') {
        rewrite.set(c.name, `${s} + {offset}`);
        if (!source && c.notNull) source = `${s} < ${ID_STRIDE}`;
      } else if (r === 'unit') {
        rewrite.set(c.name, `'43' || {cc} || substr(${s}, 5)`);
        if (!source && c.notNull) source = `${s} like '${SOURCE_PREFIX}%'`;
      } else if (name === 'schools' && c.name === 'code') rewrite.set(c.name, `lpad((s.id + {offset})::text, 10, '0')`);
      else if (UNIQUE_REWRITES[c.name]) rewrite.set(c.name, UNIQUE_REWRITES[c.name]!(s));
      else rewrite.set(c.name, s);
    }
    if (!source) throw new Error(`无法确定 ${name} 中本市的行`);
    plan.push({ name, columns: cs, rewrite, source, rows: 0, total: 0 });
  }

  // Parents before children.
  const order: Table[] = [];
  const placed = new Set<string>();
  const byName = new Map(plan.map((t) => [t.name, t]));
  const place = (t: Table, path: string[] = []) => {
    if (placed.has(t.name)) return;
    if (path.includes(t.name)) throw new Error(`外键环：${[...path, t.name].join(' → ')}`);
    for (const fk of fks) if (fk.table === t.name && fk.ref !== t.name && byName.has(fk.ref)) place(byName.get(fk.ref)!, [...path, t.name]);
    placed.add(t.name);
    order.push(t);
  };
  for (const t of plan) place(t);
  for (const t of order) {
    const { rows } = await client.query<{ n: string; total: string }>(
      `select count(*) filter (where ${t.source}) as n, count(*) as total from ${ident(t.name)} s`,
    );
    t.rows = Number(rows[0]!.n);
    t.total = Number(rows[0]!.total);
  }
  return order;
}

/** Writes one table's copy for one city; answers the rows written. */
export async function copyTable(client: pg.Client, t: Table, city: City, k: number): Promise<number> {
  const names = t.columns.map((c) => ident(c.name)).join(', ');
  const values = t.columns.map((c) => t.rewrite.get(c.name)!).join(', ');
  const sql = `insert into ${ident(t.name)} (${names}) select ${values} from ${ident(t.name)} s where ${t.source}`;
  const result = await client.query(sql.replaceAll('{cc}', literal(cityDigits(city))).replaceAll('{offset}', String(k * ID_STRIDE)));
  return result.rowCount ?? 0;
}

/** Moves every copied table's id sequence past the copies' ids. */
export async function advanceSequences(client: pg.Client, tables: readonly Table[]): Promise<void> {
  for (const t of tables) {
    const { rows } = await client.query<{ seq: string | null }>(
      `select pg_get_serial_sequence($1, 'id') as seq from pg_attribute where attrelid = $1::regclass and attname = 'id'`,
      [t.name],
    );
    const seq = rows[0]?.seq;
    if (seq) await client.query(`select setval($1, greatest((select max(id) from ${ident(t.name)}), 1))`, [seq]);
  }
}

export interface Progress {
  (done: number, total: number, label: string): void;
}

/**
 * Adds `cities` (after the first, which must be Hengyang's data already in the database), partitions the largest
 * tables by county and copies Hengyang's records into each added city. Answers the rows written per city.
 */
export async function buildProvince(client: pg.Client, cities: readonly City[], progress: Progress = () => {}) {
  if (cities[0]?.code !== '430400') throw new Error('省级数据以衡阳市的数据为第一个市');
  await client.query('begin');
  const added = await addCities(client, cities);
  await client.query('commit');
  const { rows: all } = await client.query<{ code: string }>('select code from org_units order by code');
  const units = all.map((u) => u.code);
  for (const table of PARTITIONED) await partitionByUnit(client, table, units);
  const plan = await copyPlan(client);
  const other = plan.find((t) => t.total !== t.rows);
  if (other) throw new Error(`${other.name} 中已有衡阳市以外的行：省级数据只能从只含衡阳市数据的库开始生成`);
  const perCity = plan.reduce((a, t) => a + t.rows, 0);
  const total = perCity * (cities.length - 1);
  let done = 0;
  for (const [k, city] of cities.entries()) {
    if (k === 0) continue;
    await client.query('begin');
    try {
      for (const t of plan) {
        progress(done, total, `${city.name} ${t.name}`);
        done += await copyTable(client, t, city, k);
      }
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    }
  }
  await advanceSequences(client, plan);
  progress(done, total, '完成');
  return { units: added.length, tables: plan.length, perCity, rows: done };
}

/** The demo account of a city's bureau: city4304 for 衡阳市. */
export const cityAccountName = (city: City) => `city${city.code.slice(0, 4)}`;

/**
 * A demo account for a city's bureau in the province's database: the role model's city-wide roles see the whole
 * database, so a city here is an account with a county grant (all four modules, 师德 and 资助 roles) on each of its units.
 */
export async function addCityAccount(client: pg.Client, city: City, username: string): Promise<void> {
  const { rows } = await client.query<{ code: string }>(`select code from org_units where code like $1 order by code`, [
    `${city.code.slice(0, 4)}%`,
  ]);
  const grants = rows.map((u) => ({
    role: 'county',
    unitCode: u.code,
    modules: ['safety', 'private-edu', 'teachers', 'funding'],
    ethics: true,
    aid: true,
  }));
  await client.query(
    `insert into accounts (username, display_name, password_hash, password_changed_at, must_change_password, is_demo, grants)
     values ($1, $2, $3, now(), false, true, $4) on conflict (username) do update set grants = excluded.grants`,
    [username, `${city.name}教育局（省级数据演示）`, await hashPassword(DEMO_PASSWORD), JSON.stringify(grants)],
  );
}
