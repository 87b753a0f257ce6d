import { describe, expect, it } from 'vitest';
import { INITIAL_LOGIN_STATE, isLocked, loginFailureMessage, onFailure, onSuccess, type LoginState } from './lockout.ts';
import { DEFAULT_SECURITY_POLICY as policy } from './security-policy.ts';

const t0 = new Date('2025-03-01T09:00:00+08:00');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fail = (n: number, now = t0): LoginState => {
  let s: LoginState = INITIAL_LOGIN_STATE;
  for (let i = 0; i < n; i++) s = onFailure(s, now, policy);
  return s;
};
// security.md §1 身份鉴别 b: after 5 failures the account locks for 15 minutes. The message is one text for every
// failed sign-in (ASVS 6.3.8: it says nothing about the account, neither remaining tries nor the lock).
describe('login lockout', () => {
  it('has one failure message, naming the rule that applies to everyone', () => {
    expect(loginFailureMessage(policy)).toBe('用户名或密码错误（连续失败5次将锁定15分钟）');
    expect(loginFailureMessage({ ...policy, maxFailures: 3, lockMinutes: 30 })).toBe('用户名或密码错误（连续失败3次将锁定30分钟）');
  });

  it('locks at the 5th failure for 15 minutes', () => {
    expect(fail(4)).toEqual({ failures: 4, lockedUntil: null });
    const locked = fail(5);
    expect(locked).toEqual({ failures: 5, lockedUntil: at(15) });
    expect(isLocked(locked, t0)).toBe(true);
    expect(isLocked(locked, at(15))).toBe(false);
    expect(isLocked(locked, new Date(at(15).getTime() - 1))).toBe(true);
  });

  it('does not extend the lock on failures during it', () => {
    const locked = fail(5);
    expect(onFailure(locked, at(10), policy)).toBe(locked);
  });

  it('starts counting again after the lock runs out', () => {
    const after = onFailure(fail(5), at(15), policy);
    expect(after).toEqual({ failures: 1, lockedUntil: null });
  });

  it('resets on success', () => {
    expect(onSuccess()).toEqual({ failures: 0, lockedUntil: null });
    expect(onFailure(onSuccess(), t0, policy)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('uses the policy numbers', () => {
    const strict = { ...policy, maxFailures: 3, lockMinutes: 30 };
    let s: LoginState = INITIAL_LOGIN_STATE;
    s = onFailure(onFailure(s, t0, strict), t0, strict);
    expect(s.lockedUntil).toBeNull();
    s = onFailure(s, t0, strict);
    expect(s.lockedUntil).toEqual(at(30));
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
