import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, hashPassword, tables, verifyPassword, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { anonymousCaller } from '../testing.ts';
import { totpCodeAt } from './totp.ts';

/**
 * Account enumeration, tested by structure rather than by timing: every sign-in runs exactly one password
 * verification (the real one, counted), and every failed sign-in gets the same answer, byte for byte.
 */
describe.each(testEngines())('one answer and one password check for every failed sign-in on %s', (engine) => {
  let database: Database;
  let verifications = 0;
  const countedVerify = (stored: string, password: string) => {
    verifications++;
    return verifyPassword(stored, password);
  };
  /** A sign-in attempt: what the caller was told (the error's code and message, or the result) and how many checks ran. */
  const attempt = async (input: { username: string; password: string; otp?: string }, at = new Date()) => {
    verifications = 0;
    const anon = await anonymousCaller(database, { verifyPassword: countedVerify, clock: () => at });
    const answer = await anon.auth.login(input).then(
      (ok) => JSON.stringify(ok),
      (e: unknown) => JSON.stringify({ code: (e as { code?: string }).code, message: (e as Error).message }),
    );
    return { answer, verifications };
  };
  const state = async (username: string) =>
    (
      await database.db
        .select({ failures: tables.accounts.failures, lockedUntil: tables.accounts.lockedUntil })
        .from(tables.accounts)
        .where(eq(tables.accounts.username, username))
    )[0];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await database.db.insert(tables.accounts).values([
      {
        username: 'gone',
        displayName: '已停用',
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        disabled: true,
        grants: [],
      },
      {
        username: 'target',
        displayName: '被试账号',
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        grants: [{ role: 'leader' }],
      },
    ]);
  });
  afterAll(() => database?.close());

  it('unknown, disabled, wrong, nearly locked, locked and locked-with-the-right-password all answer the same', async () => {
    const wrong = 'Wrong-password-1';
    const answers: Record<string, { answer: string; verifications: number }> = {};
    answers.unknown = await attempt({ username: 'no-such-user', password: wrong });
    answers.unknownRight = await attempt({ username: 'no-such-user', password: DEMO_PASSWORD });
    answers.disabled = await attempt({ username: 'gone', password: wrong });
    answers.disabledRight = await attempt({ username: 'gone', password: DEMO_PASSWORD });
    for (let i = 1; i <= 5; i++) answers[`wrong${i}`] = await attempt({ username: 'target', password: wrong });
    expect((await state('target'))?.failures).toBe(5);
    answers.locked = await attempt({ username: 'target', password: wrong });
    answers.lockedRight = await attempt({ username: 'target', password: DEMO_PASSWORD });
    // The second factor of an administrator is never asked for when the password was wrong or the account is locked.
    answers.adminWrong = await attempt({ username: 'auditor', password: wrong, otp: totpCodeAt(DEMO_TOTP_SECRET, new Date()) });
    answers.adminWrongNoCode = await attempt({ username: 'auditor', password: wrong });

    const reference = answers.unknown!.answer;
    expect(JSON.parse(reference)).toEqual({ code: 'UNAUTHORIZED', message: '用户名或密码错误（连续失败5次将锁定15分钟）' });
    for (const [path, { answer, verifications }] of Object.entries(answers)) {
      expect(answer, path).toBe(reference);
      expect(verifications, path).toBe(1);
    }
  });

  it('the lock is still kept and audited with its reason, and ends after 15 minutes', async () => {
    const rows = await database.db
      .select({ after: tables.auditLog.after })
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.action, 'auth.login'), eq(tables.auditLog.targetId, 'target'), eq(tables.auditLog.result, 'denied')));
    const reasons = rows.map((r) => r.after as { reason: string; locked?: boolean });
    expect(reasons.filter((r) => r.reason === 'wrong_password').map((r) => r.locked)).toEqual([false, false, false, false, true]);
    expect(reasons.filter((r) => r.reason === 'locked')).toHaveLength(2);
    const unknown = await database.db
      .select({ after: tables.auditLog.after })
      .from(tables.auditLog)
      .where(eq(tables.auditLog.targetId, 'no-such-user'));
    expect(unknown.map((r) => (r.after as { reason: string }).reason)).toEqual(['unknown', 'unknown']);
    // 16 minutes on, the right password works, after one check.
    const later = await attempt({ username: 'target', password: DEMO_PASSWORD }, new Date(Date.now() + 16 * 60_000));
    expect(later.verifications).toBe(1);
    expect(JSON.parse(later.answer)).toMatchObject({ status: 'ok' });
  });

  it('the second factor is asked for only after the right password of an unlocked account; a wrong code says so', async () => {
    await database.db
      .update(tables.accounts)
      .set({ failures: 0, lockedUntil: null, totpLastStep: null })
      .where(eq(tables.accounts.username, 'secadmin'));
    const first = await attempt({ username: 'secadmin', password: DEMO_PASSWORD });
    expect(first).toEqual({ answer: JSON.stringify({ status: 'otp_required' }), verifications: 1 });
    const wrongCode = await attempt({ username: 'secadmin', password: DEMO_PASSWORD, otp: '000000' });
    expect(wrongCode.verifications).toBe(1);
    expect(JSON.parse(wrongCode.answer)).toEqual({ code: 'UNAUTHORIZED', message: '动态口令不正确或已使用' });
    const now = new Date();
    const ok = await attempt({ username: 'secadmin', password: DEMO_PASSWORD, otp: totpCodeAt(DEMO_TOTP_SECRET, now) }, now);
    expect(ok.verifications).toBe(1);
    expect(JSON.parse(ok.answer)).toMatchObject({ status: 'ok' });
    // Locked: even the right password and the right code get the common answer, and no request for a code.
    await database.db
      .update(tables.accounts)
      .set({ failures: 5, lockedUntil: new Date(Date.now() + 15 * 60_000), totpLastStep: null })
      .where(eq(tables.accounts.username, 'secadmin'));
    const locked = await attempt({ username: 'secadmin', password: DEMO_PASSWORD });
    const lockedWithCode = await attempt({ username: 'secadmin', password: DEMO_PASSWORD, otp: totpCodeAt(DEMO_TOTP_SECRET, new Date()) });
    const unknown = await attempt({ username: 'no-such-admin', password: DEMO_PASSWORD });
    expect(locked).toEqual(unknown);
    expect(lockedWithCode).toEqual(unknown);
  });
});
