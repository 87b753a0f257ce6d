import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, hashPassword, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { totpCodeAt } from './auth/totp.ts';
import { LOGIN_ATTEMPTS_PER_IP } from './routers/auth.ts';
import { anonymousCaller, callerAs, callerWithCookie, failure, signIn } from './testing.ts';

describe.each(testEngines())('second factor and login limits on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await database.db.insert(tables.accounts).values([
      {
        username: 'newadmin',
        displayName: '新系统管理员',
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        grants: [{ role: 'sysadmin' }],
      },
      {
        username: 'clerk',
        displayName: '科员',
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        grants: [{ role: 'department', dept: 'planning', module: 'funding' }],
      },
    ]);
  });
  afterAll(() => database?.close());

  it('an administrator with TOTP needs the code: the password alone opens nothing; a wrong code counts as a failure', async () => {
    const anon = await anonymousCaller(database);
    expect(await anon.auth.login({ username: 'auditor', password: DEMO_PASSWORD })).toEqual({ status: 'otp_required' });
    expect(await failure(anon.auth.login({ username: 'auditor', password: DEMO_PASSWORD, otp: '12345' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const wrong = await failure(anon.auth.login({ username: 'auditor', password: DEMO_PASSWORD, otp: '000000' }));
    expect(wrong).toEqual({ code: 'UNAUTHORIZED', message: '动态口令不正确或已使用' });
    const [row] = await database.db
      .select({ failures: tables.accounts.failures })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'auditor'));
    expect(row?.failures).toBe(1);
  });

  it('a code works once: the same code again is refused (no replay)', async () => {
    const now = new Date();
    const anon = await anonymousCaller(database, { clock: () => now });
    const otp = totpCodeAt(DEMO_TOTP_SECRET, now);
    await database.db.update(tables.accounts).set({ totpLastStep: null, failures: 0 }).where(eq(tables.accounts.username, 'secadmin'));
    expect(await anon.auth.login({ username: 'secadmin', password: DEMO_PASSWORD, otp })).toMatchObject({ status: 'ok' });
    expect(await failure(anon.auth.login({ username: 'secadmin', password: DEMO_PASSWORD, otp }))).toEqual({
      code: 'UNAUTHORIZED',
      message: '动态口令不正确或已使用',
    });
  });

  it('an administrator without a second factor must set one up before anything else', async () => {
    const cookie = await signIn(database, 'newadmin');
    const api = await callerWithCookie(database, cookie);
    const me = (await api.auth.me()).account;
    expect(me).toMatchObject({ totpEnabled: false, totpSetupRequired: true });
    expect(await failure(api.admin.modules.list())).toEqual({ code: 'FORBIDDEN', message: '管理员账号须先绑定动态口令（双因素认证）' });
    const { secret, uri, qrSvg } = await api.auth.totpBegin();
    expect(uri).toContain(secret);
    expect(qrSvg).toContain('<svg');
    expect(await failure(api.auth.totpConfirm({ code: '000000' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '动态口令不正确，请核对手机时间后重试',
    });
    await api.auth.totpConfirm({ code: totpCodeAt(secret, new Date()) });
    const after = await callerWithCookie(database, cookie); // the next request
    expect((await after.auth.me()).account).toMatchObject({ totpEnabled: true, totpSetupRequired: false });
    await expect(after.admin.modules.list()).resolves.toHaveLength(4);
    // Stored encrypted, never as the plain secret.
    const [row] = await database.db
      .select({ s: tables.accounts.totpSecret })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'newadmin'));
    expect(row?.s).toMatch(/^v1\./);
    expect(row?.s).not.toContain(secret);
    // Administrators cannot turn it off.
    expect(await failure(after.auth.totpDisable({ password: DEMO_PASSWORD }))).toEqual({
      code: 'FORBIDDEN',
      message: '管理员账号必须使用动态口令，不能关闭',
    });
  });

  it('any user may turn the second factor on, and off again with the password', async () => {
    const api = await callerAs(database, 'clerk');
    const { secret } = await api.auth.totpBegin();
    await api.auth.totpConfirm({ code: totpCodeAt(secret, new Date()) });
    expect(await (await anonymousCaller(database)).auth.login({ username: 'clerk', password: DEMO_PASSWORD })).toEqual({
      status: 'otp_required',
    });
    expect(await failure(api.auth.totpDisable({ password: 'wrong' }))).toEqual({ code: 'BAD_REQUEST', message: '当前密码不正确' });
    await api.auth.totpDisable({ password: DEMO_PASSWORD });
    expect(await (await anonymousCaller(database)).auth.login({ username: 'clerk', password: DEMO_PASSWORD })).toMatchObject({
      status: 'ok',
    });
  });

  it(`refuses more than ${LOGIN_ATTEMPTS_PER_IP.max} login attempts from one address in 10 minutes`, async () => {
    const at = new Date();
    const fromIp = async () => {
      const ctxFactory = (await import('./context.ts')).createContextFactory(database, { clock: () => at });
      const { createCaller } = await import('./router.ts');
      return createCaller(await ctxFactory({ cookie: undefined, ip: '10.9.9.9', userAgent: 'test', setCookie: () => {} }));
    };
    const api = await fromIp();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP.max; i++)
      expect((await failure(api.auth.login({ username: `nobody${i}`, password: 'x' })))?.code).toBe('UNAUTHORIZED');
    expect(await failure(api.auth.login({ username: 'leader', password: DEMO_PASSWORD }))).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: '登录尝试过于频繁，请稍后再试',
    });
    // Other addresses are not affected.
    await expect((await callerWithCookie(database, '')).auth.login({ username: 'leader', password: DEMO_PASSWORD })).resolves.toMatchObject(
      { status: 'ok' },
    );
  });
});
