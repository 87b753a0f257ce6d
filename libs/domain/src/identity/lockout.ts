import type { SecurityPolicy } from './security-policy.ts';

/**
 * Login-failure handling (security.md §1 身份鉴别 b, §6): after `maxFailures` consecutive failures the account
 * locks for `lockMinutes`. Pure state machine; the api layer stores the state per account (and rate-limits per IP).
 * Which attempt counts and what the caller is told is decided in one place, `decideLogin` (login.ts).
 */
export interface LoginState {
  /** Consecutive failures since the last success or the end of the last lock. */
  failures: number;
  lockedUntil: Date | null;
}

export const INITIAL_LOGIN_STATE: Readonly<LoginState> = Object.freeze({ failures: 0, lockedUntil: null });

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

/**
 * The one answer to every failed sign-in, whatever the reason (no such name, disabled, wrong password, locked, the
 * second factor of a wrong password): nothing in it depends on the account, so it tells nobody whether a name
 * exists or is locked (ASVS 6.3.8). It names the lock rule, which is the same for everyone.
 */
export function loginFailureMessage(policy: SecurityPolicy): string {
  return `用户名或密码错误（连续失败${policy.maxFailures}次将锁定${policy.lockMinutes}分钟）`;
}
