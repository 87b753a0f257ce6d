import { isLocked, loginFailureMessage, onFailure, type LoginState } from './lockout.ts';
import type { SecurityPolicy } from './security-policy.ts';

/** What a wrong or replayed second factor is told: only someone who knew the password gets this far. */
export const WRONG_SECOND_FACTOR_MESSAGE = '动态口令不正确或已使用';

/**
 * What the api knows about one sign-in attempt. The api verifies the password exactly once on every path — against
 * the account's hash, or a dummy hash of the same cost when there is no such account — before asking this module,
 * so an unknown, disabled or locked name takes as long as a wrong password.
 */
export interface LoginFacts {
  /** The account named, or null when there is none. */
  account: { disabled: boolean; state: LoginState; secondFactor: boolean } | null;
  /** The one password verification's result (false for a name that does not exist). */
  passwordOk: boolean;
  /**
   * The second factor: not sent, or sent and found right, wrong or already used. The api may leave a code
   * unchecked ('wrong') when the password was wrong: the decision never looks at it then.
   */
  otp: 'absent' | 'ok' | 'wrong' | 'replay';
}

/** Why a sign-in was refused (for the audit trail, never for the caller). */
export type LoginRefusal = 'unknown' | 'disabled' | 'locked' | 'wrong_password' | 'wrong_otp' | 'otp_replay';

export type LoginDecision =
  | { outcome: 'ok' }
  | { outcome: 'otp_required' }
  /** `next`: the account's new failure state, when the attempt counts (null: nothing to store). */
  | { outcome: 'refused'; reason: LoginRefusal; next: LoginState | null; message: string };

/**
 * The one decision about a sign-in. Every refusal before the password is known to be right gets the same message
 * (loginFailureMessage); a lock neither lets the right password in nor says it is a lock. Only a correct password
 * of an unlocked, enabled account leads on: to the second factor (asked for only then), or to a session. A wrong
 * password or code counts towards the lock; an unknown name counts nowhere (there is no state to grow).
 */
export function decideLogin(facts: LoginFacts, now: Date, policy: SecurityPolicy): LoginDecision {
  const refuse = (reason: LoginRefusal, next: LoginState | null, message = loginFailureMessage(policy)): LoginDecision => ({
    outcome: 'refused',
    reason,
    next,
    message,
  });
  const { account } = facts;
  if (!account) return refuse('unknown', null);
  if (account.disabled) return refuse('disabled', null);
  if (isLocked(account.state, now)) return refuse('locked', null);
  if (!facts.passwordOk) return refuse('wrong_password', onFailure(account.state, now, policy));
  if (!account.secondFactor) return { outcome: 'ok' };
  if (facts.otp === 'absent') return { outcome: 'otp_required' };
  if (facts.otp === 'ok') return { outcome: 'ok' };
  return refuse(facts.otp === 'replay' ? 'otp_replay' : 'wrong_otp', onFailure(account.state, now, policy), WRONG_SECOND_FACTOR_MESSAGE);
}
