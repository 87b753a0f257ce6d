import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hashPassword, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, termOf } from '@hyedu/domain';
import { anonymousCaller, callerAs, callerWithCookie, failure, procedures, signIn } from './testing.ts';

/**
 * Every refusal leaves exactly one audit record (result 'denied'), whether the policy middleware refuses or the
 * procedure itself does (FORBIDDEN, NOT_FOUND). Generated from the router: every procedure that needs a session is
 * called by nobody, every area procedure by an account without a grant for it and by one that must first change its
 * password; the procedures' own refusals follow. Bad input is not a refusal and is not recorded.
 */
const all = procedures();
const guarded = all.filter((p) => p.meta?.policy?.access !== 'public');
const areas = all.filter((p) => p.meta?.policy?.access === 'area');
const blockedDuringSetup = all.filter(
  (p) => p.meta?.policy?.access === 'area' || (p.meta?.policy?.access === 'session' && !p.meta.policy.allowDuringSetup),
);
const ip = (i: number) => `10.1.${i >> 8}.${i & 255}`;

type Api = Awaited<ReturnType<typeof anonymousCaller>>;
const call = (api: Api, path: string, input?: unknown) =>
  (path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], api) as (i: unknown) => Promise<unknown>)(input);

describe.each(testEngines())('every refusal is audited once on %s', (engine) => {
  let database: Database;
  const denials = async (where: { actor?: string; action?: string; source?: string }) => {
    const a = tables.auditLog;
    const [row] = await database.db
      .select({ n: count() })
      .from(a)
      .where(
        and(
          eq(a.result, 'denied'),
          where.actor ? eq(a.actor, where.actor) : undefined,
          where.action ? eq(a.action, where.action) : undefined,
          where.source ? eq(a.source, where.source) : undefined,
        ),
      );
    return row!.n;
  };
  /** The call is refused with `code`; how many denial records more name this caller and procedure (should be 1). */
  const recorded = async (run: () => Promise<unknown>, code: string, where: { actor?: string; action?: string; source?: string }) => {
    const before = await denials(where);
    expect((await failure(run()))?.code, where.action).toBe(code);
    return (await denials(where)) - before;
  };
  const refusedOnce = async (run: () => Promise<unknown>, code: string, where: { actor?: string; action?: string; source?: string }) =>
    expect(await recorded(run, code, where), where.action).toBe(1);
  /** Procedures whose refusal did not leave exactly one record (all of them listed, not just the first). */
  const notOnce = async (list: typeof all, run: (path: string, i: number) => Promise<number>) => {
    const wrong: string[] = [];
    for (const [i, p] of list.entries()) if ((await run(p.path, i)) !== 1) wrong.push(p.path);
    return wrong;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const hash = await hashPassword(DEMO_PASSWORD);
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
        username: 'newcomer',
        displayName: '须改密码账号',
        passwordHash: hash,
        passwordChangedAt: new Date(),
        mustChangePassword: true,
        grants: [{ role: 'leader' }],
      },
    ]);
  }, 120_000);
  afterAll(() => database?.close());

  it('nobody: every procedure that needs a session (one record per client address and minute)', async () => {
    const wrong = await notOnce(guarded, async (path, i) =>
      recorded(async () => call(await anonymousCaller(database, {}, ip(i)), path), 'UNAUTHORIZED', {
        actor: 'anonymous',
        action: path,
        source: ip(i),
      }),
    );
    expect(wrong, `${guarded.length - wrong.length} of ${guarded.length} recorded once`).toEqual([]);
  });

  it('an account without a grant for the area: every area procedure', async () => {
    const api = await callerWithCookie(database, await signIn(database, 'noscope'));
    const wrong = await notOnce(areas, (path) => recorded(() => call(api, path), 'FORBIDDEN', { actor: 'noscope', action: path }));
    expect(wrong, `${areas.length - wrong.length} of ${areas.length} recorded once`).toEqual([]);
  });

  it('an account that must first change its password: everything but the setup', async () => {
    const api = await callerWithCookie(database, await signIn(database, 'newcomer'));
    const wrong = await notOnce(blockedDuringSetup, (path) =>
      recorded(() => call(api, path), 'FORBIDDEN', { actor: 'newcomer', action: path }),
    );
    expect(wrong, `${blockedDuringSetup.length - wrong.length} of ${blockedDuringSetup.length} recorded once`).toEqual([]);
  });

  it('a disabled module', async () => {
    await database.db.update(tables.modules).set({ enabled: false }).where(eq(tables.modules.key, 'funding'));
    const leader = await callerAs(database, 'leader');
    await refusedOnce(() => leader.funding.enrolmentByUnit(), 'FORBIDDEN', { actor: 'leader', action: 'funding.enrolmentByUnit' });
    await database.db.update(tables.modules).set({ enabled: true }).where(eq(tables.modules.key, 'funding'));
  });

  it('refusals inside procedures: a record outside the scope, a step the caller may not take, a KPI of a module not granted', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const before = await denials({ actor: 'hengnan', action: 'safety.hazards.byId' });
    expect(await failure(hengnan.safety.hazards.byId({ id: 999_999_999 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await denials({ actor: 'hengnan', action: 'safety.hazards.byId' })).toBe(before + 1);
    const [row] = await database.db
      .select()
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.actor, 'hengnan'), eq(tables.auditLog.action, 'safety.hazards.byId')));
    expect(row).toMatchObject({
      result: 'denied',
      targetType: 'safety_hazard',
      targetId: '999999999',
      source: '127.0.0.1',
      after: { code: 'NOT_FOUND' },
    });

    const task = (await hengnan.plan.tasks.list({ year: 2022 })).find((t) => t.units.includes('430422'))!;
    const { id: reportId } = await hengnan.plan.reports.submit({
      taskId: task.id,
      report: { period: '2022-04', status: 'in_progress', narrative: '衡南县已完成摸底，正在制定实施方案。' },
    });
    await refusedOnce(() => hengnan.plan.reports.review({ reportId, expectedVersion: 1, action: 'review' }), 'FORBIDDEN', {
      actor: 'hengnan',
      action: 'plan.reports.review',
    });

    const leiyang = await callerAs(database, 'leiyang');
    await refusedOnce(() => leiyang.dashboard.kpi({ kpiId: 'private.compulsory-share' }), 'FORBIDDEN', {
      actor: 'leiyang',
      action: 'dashboard.kpi',
    });

    const school = await callerAs(database, 'school');
    const schoolId = (await school.safety.access()).schoolId!;
    const today = beijingDate(new Date());
    const [profile] = await database.db
      .select({ id: tables.safetyProfiles.id, version: tables.safetyProfiles.version })
      .from(tables.safetyProfiles)
      .where(eq(tables.safetyProfiles.schoolId, schoolId))
      .limit(1);
    const mine =
      profile ??
      (await school.safety.profiles.submit({
        schoolId,
        term: termOf(today),
        students: 800,
        staff: 60,
        fulltimeGuards: 3,
        closedManagement: true,
        alarmLinked110: true,
        videoLinkedPolice: true,
        guardPost: true,
        antiRam: true,
        evidenceDate: today,
      }));
    await refusedOnce(() => school.safety.profiles.review({ id: mine.id, expectedVersion: mine.version, action: 'review' }), 'FORBIDDEN', {
      actor: 'school',
      action: 'safety.profiles.review',
    });

    const secadmin = await callerAs(database, 'secadmin');
    await refusedOnce(
      () => secadmin.admin.security.setGrants({ username: 'secadmin', expectedVersion: 1, grants: [{ role: 'secadmin' }] }),
      'FORBIDDEN',
      { actor: 'secadmin', action: 'admin.security.setGrants' },
    );
  });

  it('a failed sign-in is recorded once; bad input is not a refusal', async () => {
    const api = await anonymousCaller(database, {}, '10.2.0.1');
    await refusedOnce(() => api.auth.login({ username: 'leader', password: 'wrong-password' }), 'UNAUTHORIZED', {
      actor: 'leader',
      action: 'auth.login',
    });
    const hengnan = await callerAs(database, 'hengnan');
    const before = await denials({ actor: 'hengnan' });
    expect((await failure(hengnan.safety.hazards.byId({ id: -1 })))?.code).toBe('BAD_REQUEST');
    expect(await denials({ actor: 'hengnan' })).toBe(before);
  });

  it('an anonymous flood from one address writes one record a minute, counting the calls it folded in', async () => {
    const t0 = Date.now();
    const at = (ms: number) => ({ clock: () => new Date(t0 + ms) });
    const where = { actor: 'anonymous', source: '10.3.0.1' };
    for (let i = 0; i < 20; i++)
      await failure(call(await anonymousCaller(database, at(i * 100), '10.3.0.1'), 'plan.tasks.list', { year: 2022 }));
    expect(await denials(where)).toBe(1);
    await failure(call(await anonymousCaller(database, at(61_000), '10.3.0.1'), 'plan.tasks.list', { year: 2022 }));
    expect(await denials(where)).toBe(2);
    const rows = await database.db
      .select({ after: tables.auditLog.after })
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.actor, 'anonymous'), eq(tables.auditLog.source, '10.3.0.1')));
    expect(rows.map((r) => (r.after as { unrecorded: number }).unrecorded)).toEqual([0, 19]);
  });
});
