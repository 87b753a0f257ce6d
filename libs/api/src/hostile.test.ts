import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_ACCOUNTS, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { authorize, GrantList } from '@hyedu/domain';
import { fieldLabel, namesField } from '@hyedu/domain/fields';
import { INPUTS } from './fixtures.ts';
import { httpCall, procedures, signIn } from './testing.ts';

/**
 * The hostile-input walk (issue 11 §2): every mutation (and query) of the router, found in the router itself, called over HTTP by
 * an account allowed to call it with its fixture (fixtures.ts) and one hostile value in one field at a time. Each
 * must come back 400 with an issue on exactly that field whose message is Chinese and names it (fields.ts), and
 * leave every business table as it was. A procedure without a fixture, or a field without a label, fails.
 */
type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; element?: unknown; options?: unknown[] };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;
/** The schema under its wrappers (optional, nullable, default, pipe…), and the outermost schema that is not a wrapper. */
function unwrap(schema: unknown): { def: Def; schema: unknown } {
  let s = schema;
  for (let d = defOf(s); d.innerType !== undefined || d.type === 'pipe'; d = defOf(s)) s = d.type === 'pipe' ? d.in : d.innerType;
  return { def: defOf(s), schema: s };
}

const TEXT = {
  NUL: 'a\u0000b',
  'lone surrogate': 'x\uD800',
  'right-to-left override': 'abc\u202Etxt.exe',
  'zero-width only': '\u200b\u200c\u200d',
  '100k characters': 'x'.repeat(100_000),
};
const NUMBER = { '2³¹': 2 ** 31, '-1': -1, '1.5': 1.5 };
const DATE = { '0000-01-01': '0000-01-01', '9999-12-31': '9999-12-31' };
const PERIOD = { '0000-01': '0000-01', '9999-12': '9999-12' };
const DATETIME = { '0000-01-01T00:00Z': '0000-01-01T00:00:00Z', '9999-12-31T23:59Z': '9999-12-31T23:59:59Z' };
/**
 * Values a field rightly accepts: a reported figure may be negative or a fraction, a guard ratio is per mille
 * (1.5‰), a file's content is base64 of up to 5 MB (100k characters of it are fine), a password may be anything
 * printable up to its length, a budget in fen is larger than 2³¹.
 */
const ACCEPTS: Record<string, string[]> = {
  'report.figures.value': ['-1', '1.5', '2³¹'],
  'norm.perMille': ['1.5'],
  'norm.boardingPerMille': ['1.5'],
  base64: ['100k characters'],
  // funding: spending returns — a budget in fen passes 2³¹ (21.5 million yuan).
  budgetSpending: ['2³¹'],
  // funding: seat projects — a project's planned investment in fen passes 2³¹ (21 million yuan).
  investment: ['2³¹'],
  // 学生资助 — a county's aid fund of a semester in fen passes 2³¹ (21.5 million yuan).
  budget: ['2³¹'],
  allocated: ['2³¹'],
  // 五项管理 — average sleep has one decimal (9.5 hours).
  'grades.sleep': ['1.5'],
};
const accepts = (path: string, name: string) =>
  Object.entries(ACCEPTS).some(
    ([p, names]) => (path === p || path.endsWith(`.${p}`) || path.replace(/\.\d+\./g, '.') === p) && names.includes(name),
  );

type Leaf = { path: (string | number)[]; values: Record<string, unknown>; element?: unknown };
/** Every field of an input schema that takes a value, with the hostile values for its kind. */
function leaves(schema: unknown, path: (string | number)[] = []): Leaf[] {
  const { def, schema: inner } = unwrap(schema);
  if (def.type === 'object') return Object.entries(def.shape!).flatMap(([key, field]) => leaves(field, [...path, key]));
  if (def.type === 'array')
    return [{ path, values: { '5,000 entries': 'ARRAY' }, element: def.element }, ...leaves(def.element, [...path, 0])];
  if (def.type === 'string') {
    // The domain's date types say what they hold (bounds.ts, date.ts): they get the dates no one means.
    const format = (z.globalRegistry.get(inner as z.ZodType) as { format?: string } | undefined)?.format;
    const special = format === 'date' ? DATE : format === 'year-month' ? PERIOD : format === 'date-time' ? DATETIME : {};
    return [{ path, values: { ...TEXT, ...special } }];
  }
  if (def.type === 'number') return [{ path, values: NUMBER }];
  if (def.type === 'enum' || def.type === 'literal') return [{ path, values: TEXT }];
  if (def.type === 'union') {
    const arrays = def.options!.filter((o) => unwrap(o).def.type === 'array');
    return [{ path, values: TEXT }, ...arrays.flatMap((a) => leaves(a, path))];
  }
  return [];
}

/** The fixture with `value` at `path` (objects and lists made where the fixture has none). */
function withValue(fixture: unknown, path: (string | number)[], value: unknown): unknown {
  const root: unknown = structuredClone(fixture ?? {});
  let node = root as Record<string | number, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      const next = path[i + 1];
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof next === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return root;
}
/** A value of the schema's kind that is likely valid (the first option of a choice). */
function sample(schema: unknown): unknown {
  const { def } = unwrap(schema);
  const d = def as Def & { entries?: Record<string, unknown>; values?: unknown[] };
  if (d.type === 'enum') return Object.values(d.entries!)[0];
  if (d.type === 'literal') return d.values![0];
  if (d.type === 'number') return 1;
  if (d.type === 'object') return {};
  return 'x';
}
/** A list of 5,000 copies of the fixture's first entry (or of a sample entry). */
const bigList = (fixture: unknown, path: (string | number)[], element: unknown) => {
  const current = path.reduce<unknown>((n, k) => (n as Record<string | number, unknown> | undefined)?.[k], fixture);
  const first: unknown = Array.isArray(current) && current.length > 0 ? current[0] : sample(element);
  return Array.from({ length: 5_000 }, () => structuredClone(first));
};

const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH = /Invalid|expected|received|Too (big|small)|Unrecognized|Required/;
// Every mutation (the issue's ask) and every query too: an id or a date in a filter reaches the database as well.
const walked = procedures();

it('every procedure has a fixture', () => {
  expect(walked.map((m) => m.path).filter((p) => !(p in INPUTS))).toEqual([]);
});

it('every field of every procedure has a Chinese label', () => {
  const missing = walked.flatMap((m) =>
    m.inputs.flatMap((i) => leaves(i)).map((l) => ({ path: l.path.join('.'), label: fieldLabel(l.path) })),
  );
  expect(missing.filter((l) => l.label === undefined).map((l) => l.path)).toEqual([]);
});

it('the walk knows dates, months and instants when it sees them', () => {
  const fields = (name: string) =>
    walked.flatMap((m) =>
      m.inputs
        .flatMap((i) => leaves(i))
        .filter((l) => name in l.values)
        .map((l) => `${m.path}:${l.path.join('.')}`),
    );
  expect(fields('0000-01-01')).toEqual(
    expect.arrayContaining(['plan.tasks.setMilestone:doneOn', 'safety.hazards.create:foundOn', 'plan.tasks.create:task.milestones.0.due']),
  );
  expect(fields('0000-01')).toEqual(expect.arrayContaining(['plan.reports.submit:report.period']));
  expect(fields('0000-01-01T00:00Z')).toEqual(
    expect.arrayContaining(['safety.incidents.create:occurredAt', 'admin.modules.update:expectedUpdatedAt']),
  );
});

describe.each(testEngines())('hostile input on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  /** A fingerprint of every business table's content (the audit trail, sessions and login attempts may change). */
  let fingerprint: () => Promise<string>;
  /**
   * Statements that wrote to a business table so far: a statement-level trigger on each table counts them, so each
   * procedure's walk is checked by one read instead of hashing every table before and after it. A write that rolls
   * back is not counted (nor changes the tables); the content's fingerprint is compared once over the whole walk.
   */
  let writes: () => Promise<number>;
  let atStart = '';
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const a of DEMO_ACCOUNTS) cookies.set(a.username, await signIn(database, a.username));
    const rows = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    const tablesToWatch = (rows as unknown as { rows: { table_name: string }[] }).rows
      .map((r) => r.table_name)
      .filter((t) => !/^(audit|sessions|login_attempts|__drizzle)/.test(t));
    expect(tablesToWatch).toEqual(
      expect.arrayContaining(['accounts', 'departments', 'schools', 'safety_hazards', 'progress_reports', 'plan_tasks']),
    );
    fingerprint = async () => {
      const parts: string[] = [];
      for (const t of tablesToWatch) {
        const r = await database.db.execute<{ h: string | null }>(
          sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`),
        );
        parts.push(`${t}:${(r as unknown as { rows: { h: string }[] }).rows[0]!.h}`);
      }
      return parts.join('\n');
    };
    await database.db.execute(sql.raw(`create table hostile_writes (n bigint not null)`));
    await database.db.execute(sql.raw(`insert into hostile_writes values (0)`));
    await database.db.execute(
      sql.raw(
        `create function hostile_bump() returns trigger language plpgsql as $$ begin update hostile_writes set n = n + 1; return null; end $$`,
      ),
    );
    for (const t of tablesToWatch)
      await database.db.execute(
        sql.raw(
          `create trigger hostile_watch after insert or update or delete or truncate on "${t}" for each statement execute function hostile_bump()`,
        ),
      );
    writes = async () => {
      const r = await database.db.execute(sql`select n from hostile_writes`);
      return Number((r as unknown as { rows: { n: string | number }[] }).rows[0]!.n);
    };
    atStart = await fingerprint();
  }, 120_000);
  afterAll(() => database?.close());

  /** The first demo account allowed to call the procedure (anyone for public ones). */
  async function caller(policy: NonNullable<(typeof walked)[number]['meta']>['policy']): Promise<string | undefined> {
    if (!policy || policy.access === 'public') return undefined;
    if (policy.access === 'session') return cookies.get('leader');
    for (const demo of DEMO_ACCOUNTS) {
      const [row] = await database.db
        .select({ grants: tables.accounts.grants })
        .from(tables.accounts)
        .where(eq(tables.accounts.username, demo.username));
      if (authorize(GrantList.parse(row?.grants), { area: policy.area, action: policy.action }).allowed) return cookies.get(demo.username);
    }
    throw new Error(`no demo account may call ${policy.area}/${policy.action}`);
  }

  it.each(walked.filter((m) => m.inputs.length > 0).map((m) => [m.path, m] as const))(
    '%s',
    async (path, m) => {
      const cookie = await caller(m.meta?.policy);
      const before = await writes();
      const problems: string[] = [];
      for (const leaf of m.inputs.flatMap((i) => leaves(i))) {
        const field = leaf.path.join('.');
        const label = fieldLabel(leaf.path);
        for (const [name, raw] of Object.entries(leaf.values)) {
          if (accepts(field, name)) continue;
          const value = raw === 'ARRAY' ? bigList(INPUTS[path], leaf.path, leaf.element) : raw;
          const { status, body } = await httpCall(database, cookie, path, withValue(INPUTS[path], leaf.path, value));
          const error = (
            JSON.parse(body) as { error?: { message: string; data?: { issues?: { path: string; message: string }[] | null } } }
          ).error;
          const issue = error?.data?.issues?.find((i) => i.path === field);
          const wrong =
            status !== 400
              ? `status ${status} ${error?.message.slice(0, 80) ?? ''}`
              : !issue
                ? `no issue on the field (${
                    error?.data?.issues
                      ?.slice(0, 5)
                      .map((i) => i.path)
                      .join(', ') ?? error?.message
                  })`
                : !CHINESE.test(issue.message) || ENGLISH.test(issue.message)
                  ? `message not Chinese: ${issue.message}`
                  : !label || !namesField(leaf.path, issue.message)
                    ? `message does not name the field (${label}): ${issue.message}`
                    : !CHINESE.test(error!.message) || ENGLISH.test(error!.message)
                      ? `answer's message not Chinese: ${error!.message.slice(0, 80)}`
                      : null;
          if (wrong) problems.push(`${field} ← ${name}: ${wrong}`);
        }
      }
      expect(problems).toEqual([]);
      expect(await writes(), 'a business table was written').toBe(before);
    },
    120_000,
  );

  it('left every business table as it was over the whole walk', async () => {
    expect(await fingerprint()).toBe(atStart);
  });

  it('the write counter and the fingerprint see a business write', async () => {
    const before = await fingerprint();
    const counted = await writes();
    const { status } = await httpCall(database, cookies.get('sysadmin'), 'admin.departments.create', {
      key: 'hostile-check',
      name: '指纹检查科',
      module: null,
      sortOrder: 1,
    });
    expect(status).toBe(200);
    expect(await writes()).toBeGreaterThan(counted);
    expect(await fingerprint()).not.toBe(before);
  });
});
