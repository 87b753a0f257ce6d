import { describe, expect, it } from 'vitest';
import { INITIAL_LOGIN_STATE, isLocked, loginFailureMessage, onFailure, onSuccess, UNKNOWN_USER_STATE, type LoginState } from './lockout.ts';
import { DEFAULT_SECURITY_POLICY as policy } from './security-policy.ts';

const t0 = new Date('2025-03-01T09:00:00+08:00');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fail = (n: number, now = t0): LoginState => {
  let s: LoginState = INITIAL_LOGIN_STATE;
  for (let i = 0; i < n; i++) s = onFailure(s, now, policy);
  return s;
};
const LOCKED = '账号已锁定，请15分钟后重试或联系安全管理员';

// The identity issue and security.md §6: same message for unknown user and wrong password; after 3 failures the
// remaining tries are shown ("再失败 2 次将锁定 15 分钟"); after 5 the account locks for 15 minutes.
describe('login lockout', () => {
  it('shows the plain message for the first two failures, then the remaining tries', () => {
    expect(loginFailureMessage(fail(1), t0, policy)).toBe('用户名或密码错误');
    expect(loginFailureMessage(fail(2), t0, policy)).toBe('用户名或密码错误');
    expect(loginFailureMessage(fail(3), t0, policy)).toBe('用户名或密码错误，再失败2次将锁定15分钟');
    expect(loginFailureMessage(fail(4), t0, policy)).toBe('用户名或密码错误，再失败1次将锁定15分钟');
  });

  it('gives an unknown user the same text as a first wrong password', () => {
    expect(loginFailureMessage(UNKNOWN_USER_STATE, t0, policy)).toBe(loginFailureMessage(fail(1), t0, policy));
  });

  it('locks at the 5th failure for 15 minutes', () => {
    expect(fail(4)).toEqual({ failures: 4, lockedUntil: null });
    const locked = fail(5);
    expect(locked).toEqual({ failures: 5, lockedUntil: at(15) });
    expect(isLocked(locked, t0)).toBe(true);
    expect(isLocked(locked, at(15))).toBe(false);
    expect(isLocked(locked, new Date(at(15).getTime() - 1))).toBe(true);
    expect(loginFailureMessage(locked, at(14), policy)).toBe(LOCKED);
  });

  it('does not extend the lock on failures during it', () => {
    const locked = fail(5);
    expect(onFailure(locked, at(10), policy)).toBe(locked);
  });

  it('starts counting again after the lock runs out', () => {
    const after = onFailure(fail(5), at(15), policy);
    expect(after).toEqual({ failures: 1, lockedUntil: null });
    expect(loginFailureMessage(after, at(15), policy)).toBe('用户名或密码错误');
    // a state whose lock has run out but was not touched yet
    expect(loginFailureMessage(fail(5), at(20), policy)).toBe('用户名或密码错误');
  });

  it('resets on success', () => {
    expect(onSuccess()).toEqual({ failures: 0, lockedUntil: null });
    expect(onFailure(onSuccess(), t0, policy)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('uses the policy numbers', () => {
    const strict = { ...policy, maxFailures: 3, showRemainingAfter: 1, lockMinutes: 30 };
    let s: LoginState = INITIAL_LOGIN_STATE;
    s = onFailure(s, t0, strict);
    expect(loginFailureMessage(s, t0, strict)).toBe('用户名或密码错误，再失败2次将锁定30分钟');
    s = onFailure(onFailure(s, t0, strict), t0, strict);
    expect(s.lockedUntil).toEqual(at(30));
    expect(loginFailureMessage(s, t0, strict)).toBe('账号已锁定，请30分钟后重试或联系安全管理员');
    // tightened while a user had 4 failures: the next failure locks
    expect(onFailure({ failures: 4, lockedUntil: null }, t0, strict).lockedUntil).toEqual(at(30));
  });

  it('fails closed on bad data', () => {
    expect(isLocked({ failures: 5, lockedUntil: new Date('garbage') }, t0)).toBe(true);
    expect(isLocked({ failures: 5, lockedUntil: at(15) }, new Date(Number.NaN))).toBe(true);
    expect(onFailure({ failures: Number.NaN, lockedUntil: null }, t0, policy).lockedUntil).toEqual(at(15));
    expect(onFailure({ failures: -3, lockedUntil: null }, t0, policy).lockedUntil).toEqual(at(15));
  });
});
