import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { anonymousCaller, callerAs, callerWithCookie, failure, signIn } from './testing.ts';

describe.each(testEngines())('identity on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('anonymous callers see nothing but health and their own (absent) session', async () => {
    const anon = await anonymousCaller(database);
    expect(await anon.auth.me()).toEqual({ account: null, sessionEnded: null });
    expect(await failure(anon.platform.modules())).toEqual({ code: 'UNAUTHORIZED', message: '请先登录' });
    expect(await failure(anon.safety.compliance({}))).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('the portal’s start answers `me` and, exactly when platform.modules would answer, the registry; it refuses nothing', async () => {
    const denied = async () =>
      (await database.db.select({ id: tables.auditLog.id }).from(tables.auditLog).where(eq(tables.auditLog.result, 'denied'))).length;
    const anon = await anonymousCaller(database);
    const before = await denied();
    expect(await anon.auth.start()).toEqual({ account: null, sessionEnded: null, modules: null });
    expect(await denied()).toBe(before);
    const nulls: string[] = [];
    for (const username of ['leader', 'hengnan', 'school', 'secadmin', 'auditor']) {
      const api = await callerAs(database, username);
      const start = await api.auth.start();
      expect(start.account?.username).toBe(username);
      const registry = await api.platform.modules().catch(() => null);
      expect(start.modules, username).toEqual(registry);
      if (!start.modules) nulls.push(username);
    }
    // The administrators have no platform area: both paths are taken.
    expect(nulls).toEqual(['secadmin', 'auditor']);
    expect((await (await callerAs(database, 'leader')).auth.start()).modules?.length).toBeGreaterThan(0);
  });

  it('one message for an unknown user, wrong passwords and a lock; locked after 5, open again after 15 minutes', async () => {
    const anon = await anonymousCaller(database);
    const COMMON = '用户名或密码错误（连续失败5次将锁定15分钟）';
    const unknown = await failure(anon.auth.login({ username: 'nobody', password: 'whatever1A!' }));
    const messages: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++)
      messages.push((await failure(anon.auth.login({ username: 'funding', password: 'wrong-password' })))?.message);
    expect(unknown?.message).toBe(COMMON);
    expect(messages).toEqual([COMMON, COMMON, COMMON, COMMON, COMMON]);
    // Even the right password is refused while locked, with the same message.
    expect((await failure(anon.auth.login({ username: 'funding', password: DEMO_PASSWORD })))?.message).toBe(COMMON);
    const [row] = await database.db
      .select({ lockedUntil: tables.accounts.lockedUntil })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'funding'));
    expect(row?.lockedUntil).not.toBeNull();
    // Once the 15 minutes have passed, the right password works.
    const later = await anonymousCaller(database, { clock: () => new Date(Date.now() + 16 * 60_000) });
    await expect(later.auth.login({ username: 'funding', password: DEMO_PASSWORD })).resolves.toMatchObject({ idleMinutes: 30 });
  });

  it('logout ends the session: replaying the old cookie is refused', async () => {
    const cookie = await signIn(database, 'safety');
    const api = await callerWithCookie(database, cookie);
    expect((await api.auth.me()).account?.username).toBe('safety');
    await api.auth.logout();
    expect(await failure((await callerWithCookie(database, cookie)).platform.modules())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('30 idle minutes end a session; activity keeps it alive', async () => {
    const t0 = Date.now();
    const cookie = await signIn(database, 'teachers', DEMO_PASSWORD, { clock: () => new Date(t0) });
    const at = (min: number) => callerWithCookie(database, cookie, { clock: () => new Date(t0 + min * 60_000) });
    await expect((await at(20)).platform.units()).resolves.toBeDefined(); // activity at 20 min
    await expect((await at(45)).platform.units()).resolves.toBeDefined(); // 25 min after the last activity
    expect(await failure((await at(80)).platform.units())).toEqual({ code: 'UNAUTHORIZED', message: '会话已超时，请重新登录' });
  });

  it('a disabled account loses its live session at once', async () => {
    const cookie = await signIn(database, 'privedu');
    await database.db.update(tables.accounts).set({ disabled: true }).where(eq(tables.accounts.username, 'privedu'));
    expect(await failure((await callerWithCookie(database, cookie)).platform.units())).toEqual({
      code: 'UNAUTHORIZED',
      message: '账号已停用',
    });
    await database.db.update(tables.accounts).set({ disabled: false }).where(eq(tables.accounts.username, 'privedu'));
  });

  it('a county user sees only its own county, and only the modules granted to it', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    expect((await hengnan.platform.units()).map((u) => u.code)).toEqual(['430422']);
    const page = await hengnan.platform.schools({ page: 1, pageSize: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.unitCode === '430422')).toBe(true);
    // Asking for another county returns nothing, not the other county's schools.
    expect((await hengnan.platform.schools({ unitCode: '430481', page: 1, pageSize: 5 })).total).toBe(0);
    expect((await hengnan.safety.compliance({})).units.map((u) => u.unitCode)).toEqual(['430422']);
    const leiyang = await callerAs(database, 'leiyang');
    expect(await failure(leiyang.privateEdu.overview())).toMatchObject({ code: 'FORBIDDEN' });
    expect((await leiyang.teachers.overview()).map((u) => u.code)).toEqual(['430481']);
    expect((await hengnan.auth.me()).account?.scopeLabel).toBe('数据范围：衡南县教育局');
  });

  it('the three administrators cannot do each other’s jobs or read business data', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    expect(await failure(sysadmin.safety.compliance({}))).toMatchObject({ code: 'FORBIDDEN' });
    const auditor = await callerAs(database, 'auditor');
    expect(await failure(auditor.platform.schools({ page: 1, pageSize: 5 }))).toMatchObject({ code: 'FORBIDDEN' });
    const secadmin = await callerAs(database, 'secadmin');
    expect(await failure(secadmin.teachers.overview())).toMatchObject({ code: 'FORBIDDEN' });
    // Denied attempts are in the audit trail, which still verifies.
    const denied = await database.db
      .select()
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.actor, 'sysadmin'), eq(tables.auditLog.result, 'denied')));
    expect(denied.map((r) => r.action)).toContain('safety.compliance');
    expect((await verifyAuditChain(database.db, database.auditKey)).ok).toBe(true);
  });

  it('password changes follow the policy and end the other sessions', async () => {
    const other = await signIn(database, 'school');
    const api = await callerAs(database, 'school');
    expect(await failure(api.auth.changePassword({ current: 'wrong', next: 'Xq7#mPz92kLw' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '当前密码不正确',
    });
    expect((await failure(api.auth.changePassword({ current: DEMO_PASSWORD, next: 'abc' })))?.message).toContain('密码至少8位');
    expect((await failure(api.auth.changePassword({ current: DEMO_PASSWORD, next: DEMO_PASSWORD })))?.message).toMatch(/最近 5 次/);
    await api.auth.changePassword({ current: DEMO_PASSWORD, next: 'Xq7#mPz92kLw' });
    expect(await failure((await callerWithCookie(database, other)).auth.sessions())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await api.auth.sessions()).filter((s) => s.current)).toHaveLength(1);
    await expect(signIn(database, 'school', 'Xq7#mPz92kLw')).resolves.toMatch(/^hy_session=/);
  });

  it('an account that must change its password can do nothing else first', async () => {
    await database.db.update(tables.accounts).set({ mustChangePassword: true }).where(eq(tables.accounts.username, 'leiyang'));
    const cookie = await signIn(database, 'leiyang');
    const api = await callerWithCookie(database, cookie);
    expect(await failure(api.platform.units())).toEqual({ code: 'FORBIDDEN', message: '首次登录，请先修改初始密码' });
    expect((await api.auth.me()).account?.mustChange).toBe('INITIAL');
    await api.auth.changePassword({ current: DEMO_PASSWORD, next: 'Lq8$wRt51nZy' });
    // The next request sees the changed account.
    await expect((await callerWithCookie(database, cookie)).platform.units()).resolves.toBeDefined();
  });
});
