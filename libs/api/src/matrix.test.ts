import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hashPassword, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { authorize, GrantList, type Area } from '@hyedu/domain';
import { INPUTS } from './fixtures.ts';
import { appRouter } from './router.ts';
import { anonymousCaller, callerWithCookie, signIn } from './testing.ts';
import type { Meta } from './trpc.ts';

// The authorization matrix, generated from the router: every procedure × every role fixture (fixtures.ts). A new
// procedure without an input fixture there, or without a declared policy, fails this test.

/** Procedures that also read the area of what their fixture names (a KPI is shown only to those who may read its module). */
const ALSO_READS: Record<string, Area[]> = { 'dashboard.kpi': ['teachers'], 'dashboard.kpiSchools': ['teachers'] };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>);
const areaProcedures = procedures.filter(([, p]) => p._def.meta?.policy?.access === 'area');

type Call = (api: Awaited<ReturnType<typeof anonymousCaller>>) => Promise<unknown>;
const call =
  (path: string): Call =>
  (api) => {
    // Walk the caller along the dotted path (routers nest: admin.modules.update).
    const fn = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], api) as (
      input?: unknown,
    ) => Promise<unknown>;
    return fn(INPUTS[path]);
  };
// What the matrix checks is the access decision: refused (UNAUTHORIZED / FORBIDDEN) or let through ('ok' — a let-through
// call may still answer CONFLICT or NOT_FOUND on its own merits, e.g. the stale version in the update fixture).
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof TRPCError ? (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN' ? e.code : 'ok') : `ERROR ${String(e)}`),
  );

it('every procedure has an input fixture in the matrix', () => {
  expect(procedures.map(([p]) => p).filter((p) => !(p in INPUTS))).toEqual([]);
});

describe.each(testEngines())('authorization matrix on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const hash = await hashPassword(DEMO_PASSWORD);
    const long_ago = new Date(Date.now() - 100 * 86_400_000);
    await database.db.insert(tables.accounts).values([
      {
        username: 'noscope',
        displayName: '无权限账号',
        passwordHash: hash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        grants: [],
      },
      {
        username: 'expired',
        displayName: '密码过期账号',
        passwordHash: hash,
        passwordChangedAt: long_ago,
        mustChangePassword: false,
        grants: [{ role: 'leader' }],
      },
      {
        username: 'disabled',
        displayName: '停用账号',
        passwordHash: hash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        grants: [{ role: 'leader' }],
      },
      // An administrator who has not set up the second factor yet: nothing but the setup is open.
      {
        username: 'nototp',
        displayName: '未绑定动态口令的管理员',
        passwordHash: hash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        grants: [{ role: 'sysadmin' }],
      },
    ]);
    for (const a of [...DEMO_ACCOUNTS.map((d) => d.username), 'noscope', 'expired', 'disabled', 'nototp'])
      cookies.set(a, await signIn(database, a));
    await database.db.update(tables.accounts).set({ disabled: true }).where(eq(tables.accounts.username, 'disabled'));
  }, 120_000);
  afterAll(() => database?.close());

  it.each(areaProcedures.map(([path, p]) => [path, p._def.meta!.policy!] as const))('%s', async (path, policy) => {
    if (policy.access !== 'area') throw new Error('unreachable');
    const run = call(path);
    expect(await outcome(run(await anonymousCaller(database))), 'anonymous').toBe('UNAUTHORIZED');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('disabled')!))), 'disabled').toBe('UNAUTHORIZED');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('expired')!))), 'expired password').toBe('FORBIDDEN');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('noscope')!))), 'no scope').toBe('FORBIDDEN');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('nototp')!))), 'administrator without TOTP').toBe('FORBIDDEN');
    for (const demo of DEMO_ACCOUNTS) {
      const [row] = await database.db
        .select({ grants: tables.accounts.grants })
        .from(tables.accounts)
        .where(eq(tables.accounts.username, demo.username));
      const grants = GrantList.parse(row?.grants);
      const allowed = [policy.area, ...(ALSO_READS[path] ?? [])].every(
        (area) => authorize(grants, { area, action: policy.action }).allowed,
      );
      const expected = allowed ? 'ok' : 'FORBIDDEN';
      expect(await outcome(run(await callerWithCookie(database, cookies.get(demo.username)!))), demo.username).toBe(expected);
    }
  });

  it('county and school users get only their own rows from every list, whatever they ask for', async () => {
    const lists = [
      'platform.schools',
      'safety.schools',
      'privateEdu.schools',
      'teachers.schools',
      'safety.hazards.list',
      'safety.inspections.list',
      'safety.activities.list',
      'safety.incidents.list',
    ];
    for (const [user, unit, other] of [
      ['hengnan', '430422', '430481'],
      ['school', '430422', '430481'],
    ] as const) {
      const api = await callerWithCookie(database, cookies.get(user)!);
      for (const path of lists) {
        type List = (input: unknown) => Promise<{ total: number; rows: { unitCode: string }[] }>;
        const fn = path.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], api) as List;
        const mine = await fn({ page: 1, pageSize: 100 });
        expect(
          mine.rows.every((r) => r.unitCode === unit),
          `${user} ${path}`,
        ).toBe(true);
        expect((await fn({ page: 1, pageSize: 100, unitCode: other })).total, `${user} ${path} → ${other}`).toBe(0);
      }
    }
    const school = await callerWithCookie(database, cookies.get('school')!);
    expect((await school.platform.schools({ page: 1, pageSize: 100 })).total).toBe(1);
  });
});
