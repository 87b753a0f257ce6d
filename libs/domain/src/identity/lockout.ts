import type { SecurityPolicy } from './security-policy.ts';

/**
 * Login-failure handling (security.md §1 身份鉴别 b, §6): after `maxFailures` consecutive failures the account
 * locks for `lockMinutes`. Pure state machine; the api layer stores the state per account (and rate-limits per IP).
 *
 * How the api uses it: if isLocked → answer with loginFailureMessage and do not check the password (not even a
 * correct one); on a wrong password → onFailure; on success → onSuccess. For an unknown username it calls
 * loginFailureMessage with UNKNOWN_USER_STATE so the text is the same as for a wrong password (ASVS 6.3.8).
 */
export interface LoginState {
  /** Consecutive failures since the last success or the end of the last lock. */
  failures: number;
  lockedUntil: Date | null;
}

export const INITIAL_LOGIN_STATE: Readonly<LoginState> = Object.freeze({ failures: 0, lockedUntil: null });

/** What the api passes for a username that does not exist. */
export const UNKNOWN_USER_STATE: Readonly<LoginState> = INITIAL_LOGIN_STATE;

/** True while a lock lasts. An unreadable date on a lock counts as locked (fail closed). */
export function isLocked(state: LoginState, now: Date): boolean {
  if (state.lockedUntil === null) return false;
  const until = state.lockedUntil.getTime();
  const t = now.getTime();
  if (Number.isNaN(until) || Number.isNaN(t)) return true;
  return t < until;
}

/** Failures that still count: a lock that has run out starts the count again. A bad count locks (fail closed). */
function currentFailures(state: LoginState, now: Date, policy: SecurityPolicy): number {
  if (!Number.isSafeInteger(state.failures) || state.failures < 0) return policy.maxFailures;
  if (state.lockedUntil !== null && !isLocked(state, now)) return 0;
  return state.failures;
}

/** The state after a wrong password. A failure while locked changes nothing (the lock is not extended). */
export function onFailure(state: LoginState, now: Date, policy: SecurityPolicy): LoginState {
  if (isLocked(state, now)) return state;
  const failures = Math.min(currentFailures(state, now, policy) + 1, policy.maxFailures);
  if (failures < policy.maxFailures) return { failures, lockedUntil: null };
  return { failures, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
}

/** The state after a successful login (or an unlock by the 安全管理员). */
export function onSuccess(): LoginState {
  return { failures: 0, lockedUntil: null };
}

/** The message shown after a failed or refused login, given the state after onFailure. */
export function loginFailureMessage(state: LoginState, now: Date, policy: SecurityPolicy, what = '用户名或密码错误'): string {
  if (isLocked(state, now)) return `账号已锁定，请${policy.lockMinutes}分钟后重试或联系安全管理员`;
  const failures = currentFailures(state, now, policy);
  const remaining = policy.maxFailures - failures;
  if (failures >= policy.showRemainingAfter && remaining > 0) {
    return `${what}，再失败${remaining}次将锁定${policy.lockMinutes}分钟`;
  }
  return what;
}
