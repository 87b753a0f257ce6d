import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { DEFAULT_SECURITY_POLICY } from '@hyedu/domain';
import { callerAs, callerWithCookie, failure, signIn } from '../testing.ts';

const INITIAL = 'Chu#shi2026mima';
const CHOSEN = 'Wo#de2026xinmima';

describe.each(testEngines())('account and grant administration on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  const version = async (username: string) =>
    (await database.db.select({ v: tables.accounts.version }).from(tables.accounts).where(eq(tables.accounts.username, username)))[0]!.v;

  it('the 系统管理员 creates an account; its holder must change the initial password and sees nothing until granted', async () => {
    const sys = await callerAs(database, 'sysadmin');
    expect(
      await failure(sys.admin.accounts.create({ username: 'Zhang.San', displayName: '张三', initialPassword: 'password1' })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    await sys.admin.accounts.create({ username: 'Zhang.San', displayName: '张三', initialPassword: INITIAL });
    expect(
      await failure(sys.admin.accounts.create({ username: 'zhang.san', displayName: '重复', initialPassword: INITIAL })),
    ).toMatchObject({ code: 'CONFLICT', message: '用户名 zhang.san 已存在' });
    const listed = await sys.admin.accounts.list({ page: 1, pageSize: 20, q: 'zhang' });
    expect(listed.rows).toEqual([
      expect.objectContaining({ username: 'zhang.san', displayName: '张三', status: 'must_change', roleLabels: [] }),
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/argon2|passwordHash|totpSecret/);

    const cookie = await signIn(database, 'zhang.san', INITIAL);
    const user = await callerWithCookie(database, cookie);
    expect((await user.auth.me()).account?.mustChange).toBe('INITIAL');
    expect(await failure(user.platform.modules())).toMatchObject({ code: 'FORBIDDEN', message: '首次登录，请先修改初始密码' });
    await user.auth.changePassword({ current: INITIAL, next: CHOSEN });
    const after = await callerWithCookie(database, cookie);
    expect(await failure(after.platform.modules())).toMatchObject({ code: 'FORBIDDEN', message: '该账号尚未授权任何角色' });

    // The 安全管理员 grants a county role (the modules offered are the registry's); the holder sees that county at once.
    const sec = await callerAs(database, 'secadmin');
    const registry = await database.db.select({ key: tables.modules.key, sortOrder: tables.modules.sortOrder }).from(tables.modules);
    expect((await sec.admin.security.modules()).map((m) => m.key)).toEqual(
      registry.sort((a, b) => a.sortOrder - b.sortOrder).map((m) => m.key),
    );
    await sec.admin.security.setGrants({
      username: 'zhang.san',
      expectedVersion: await version('zhang.san'),
      grants: [{ role: 'county', unitCode: '430481', modules: ['teachers'] }],
    });
    const granted = await callerWithCookie(database, cookie);
    expect((await granted.auth.me()).account?.scopeLabel).toBe('数据范围：耒阳市教育局');
    expect((await granted.teachers.schools({ page: 1, pageSize: 50 })).rows.every((r) => r.unitCode === '430481')).toBe(true);
    expect(await failure(granted.safety.compliance({}))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('三员 stay apart: neither administrator can do the other’s job, nobody grants themselves, roles are never mixed', async () => {
    const sys = await callerAs(database, 'sysadmin');
    const sec = await callerAs(database, 'secadmin');
    expect(await failure(sys.admin.security.setGrants({ username: 'leader', expectedVersion: 1, grants: [] }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(sec.admin.accounts.create({ username: 'lisi', displayName: '李四', initialPassword: INITIAL }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await failure(
        sec.admin.security.setGrants({ username: 'secadmin', expectedVersion: await version('secadmin'), grants: [{ role: 'auditor' }] }),
      ),
    ).toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: '不能修改自己的授权' }));
    const mixed = await failure(
      sec.admin.security.setGrants({
        username: 'zhang.san',
        expectedVersion: await version('zhang.san'),
        grants: [{ role: 'auditor' }, { role: 'sysadmin' }],
      }),
    );
    expect(mixed).toMatchObject({ code: 'BAD_REQUEST' });
    expect(mixed?.message).toContain('同一账号不能兼任两种管理员角色（三员分立）');
    const badUnit = await failure(
      sec.admin.security.setGrants({
        username: 'zhang.san',
        expectedVersion: await version('zhang.san'),
        grants: [{ role: 'county', unitCode: '430400', modules: ['safety'] }],
      }),
    );
    expect(badUnit?.message).toBe('县区教育局角色的单位应为县级单位：430400');
    // An administrator role granted to someone requires their second factor before anything else.
    await sec.admin.security.setGrants({
      username: 'zhang.san',
      expectedVersion: await version('zhang.san'),
      grants: [{ role: 'auditor' }],
    });
    const cookie = await signIn(database, 'zhang.san', CHOSEN);
    expect(await failure((await callerWithCookie(database, cookie)).audit.search({ page: 1, pageSize: 5 }))).toMatchObject({
      message: '管理员账号须先绑定动态口令（双因素认证）',
    });
  });

  it('two people changing the same account: the second gets a clear conflict and nothing is overwritten', async () => {
    const sys = await callerAs(database, 'sysadmin');
    const v = await version('funding');
    await sys.admin.accounts.update({ username: 'funding', expectedVersion: v, displayName: '计划财务科' });
    expect(await failure(sys.admin.accounts.update({ username: 'funding', expectedVersion: v, displayName: '别的名字' }))).toEqual(
      expect.objectContaining({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' }),
    );
    const [row] = await database.db
      .select({ name: tables.accounts.displayName })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'funding'));
    expect(row?.name).toBe('计划财务科');
  });

  it('disabling an account ends its sessions; a password reset forces a change; the 安全管理员 unlocks', async () => {
    const cookie = await signIn(database, 'privedu');
    const sys = await callerAs(database, 'sysadmin');
    expect(
      await failure(sys.admin.accounts.update({ username: 'sysadmin', expectedVersion: await version('sysadmin'), disabled: true })),
    ).toMatchObject({ message: '不能停用自己的账号' });
    await sys.admin.accounts.update({ username: 'privedu', expectedVersion: await version('privedu'), disabled: true });
    expect(await failure((await callerWithCookie(database, cookie)).privateEdu.overview())).toMatchObject({ code: 'UNAUTHORIZED' });
    await sys.admin.accounts.update({ username: 'privedu', expectedVersion: await version('privedu'), disabled: false });
    await sys.admin.accounts.resetPassword({ username: 'privedu', expectedVersion: await version('privedu'), initialPassword: INITIAL });
    expect((await (await callerWithCookie(database, await signIn(database, 'privedu', INITIAL))).auth.me()).account?.mustChange).toBe(
      'INITIAL',
    );

    await database.db
      .update(tables.accounts)
      .set({ failures: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(tables.accounts.username, 'leader'));
    const sec = await callerAs(database, 'secadmin');
    expect((await sec.admin.security.accounts({ page: 1, pageSize: 5, q: 'leader' })).rows[0]?.status).toBe('locked');
    // A school grant comes with its school's name, so the grant editor opens showing it.
    const [school] = (await sec.admin.security.accounts({ page: 1, pageSize: 5, q: 'school' })).rows.filter((r) => r.username === 'school');
    const granted = school!.grants.find((g) => g.role === 'school')!;
    expect(school!.schools).toEqual([
      expect.objectContaining({
        id: granted.role === 'school' ? granted.schoolId : 0,
        name: expect.stringMatching(/学校|幼儿园|中学|小学/),
      }),
    ]);
    expect((await sec.admin.security.accounts({ page: 1, pageSize: 5, q: 'leader' })).rows[0]?.schools).toEqual([]);
    await sec.admin.security.unlock({ username: 'leader', expectedVersion: await version('leader') });
    await expect(signIn(database, 'leader')).resolves.toMatch(/^hy_session=/);
  });

  it('the security policy can be made stricter, never weaker than 等保; the change applies to the next request', async () => {
    const sec = await callerAs(database, 'secadmin');
    const current = await sec.admin.security.policy();
    expect(current).toMatchObject({ version: 0, policy: DEFAULT_SECURITY_POLICY });
    const weaker = await failure(
      sec.admin.security.setPolicy({ policy: { ...current.policy, idleMinutes: 60, minLength: 6 }, expectedVersion: 0 }),
    );
    expect(weaker).toMatchObject({ code: 'BAD_REQUEST' });
    expect(weaker?.message).toContain('空闲超时不能超过30分钟');
    expect(weaker?.message).toContain('密码最小长度不能低于8位');
    await sec.admin.security.setPolicy({ policy: { ...current.policy, idleMinutes: 20, minLength: 10 }, expectedVersion: 0 });
    expect(await failure(sec.admin.security.setPolicy({ policy: current.policy, expectedVersion: 0 }))).toMatchObject({ code: 'CONFLICT' });
    const leader = await callerAs(database, 'leader');
    expect((await leader.auth.me()).account?.idleMinutes).toBe(20);
    expect(await failure(leader.auth.changePassword({ current: 'Demo#2022pass', next: 'Ab#12345x' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('every change above is in the audit trail, and the chain verifies', async () => {
    const actions = (await database.db.select({ action: tables.auditLog.action }).from(tables.auditLog)).map((r) => r.action);
    for (const a of [
      'admin.accounts.create',
      'admin.accounts.update',
      'admin.accounts.resetPassword',
      'admin.security.setGrants',
      'admin.security.unlock',
      'admin.security.setPolicy',
    ])
      expect(actions).toContain(a);
    expect((await verifyAuditChain(database.db, database.auditKey)).ok).toBe(true);
  });
});
