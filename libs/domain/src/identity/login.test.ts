import { describe, expect, it } from 'vitest';
import { INITIAL_LOGIN_STATE, loginFailureMessage, type LoginState } from './lockout.ts';
import { decideLogin, WRONG_SECOND_FACTOR_MESSAGE, type LoginFacts } from './login.ts';
import { DEFAULT_SECURITY_POLICY as policy } from './security-policy.ts';

const now = new Date('2025-03-01T09:00:00+08:00');
const locked: LoginState = { failures: 5, lockedUntil: new Date(now.getTime() + 60_000) };
const account = (patch: Partial<NonNullable<LoginFacts['account']>> = {}) => ({
  disabled: false,
  state: INITIAL_LOGIN_STATE,
  secondFactor: false,
  ...patch,
});
const decide = (facts: Partial<LoginFacts>) => decideLogin({ account: account(), passwordOk: true, otp: 'absent', ...facts }, now, policy);
const COMMON = loginFailureMessage(policy);

describe('the sign-in decision', () => {
  it('answers every refusal before a right password of an unlocked account with the same message', () => {
    const cases: [string, Partial<LoginFacts>][] = [
      ['unknown', { account: null, passwordOk: false }],
      ['unknown, with a code', { account: null, passwordOk: false, otp: 'ok' }],
      ['disabled, right password', { account: account({ disabled: true }) }],
      ['disabled, wrong password', { account: account({ disabled: true }), passwordOk: false }],
      ['wrong password', { passwordOk: false }],
      ['wrong password, 4 failures before', { account: account({ state: { failures: 4, lockedUntil: null } }), passwordOk: false }],
      ['locked, right password', { account: account({ state: locked }) }],
      ['locked, wrong password', { account: account({ state: locked }), passwordOk: false }],
      ['locked administrator, right password and code', { account: account({ state: locked, secondFactor: true }), otp: 'ok' }],
      ['administrator, wrong password, no code', { account: account({ secondFactor: true }), passwordOk: false }],
      ['administrator, wrong password, a code', { account: account({ secondFactor: true }), passwordOk: false, otp: 'ok' }],
    ];
    for (const [name, facts] of cases) expect(decide(facts), name).toMatchObject({ outcome: 'refused', message: COMMON });
  });

  it('keeps the reason for the audit trail, and counts only wrong passwords and codes of an unlocked account', () => {
    expect(decide({ account: null, passwordOk: false })).toEqual({ outcome: 'refused', reason: 'unknown', next: null, message: COMMON });
    expect(decide({ account: account({ disabled: true }) })).toMatchObject({ reason: 'disabled', next: null });
    expect(decide({ account: account({ state: locked }) })).toMatchObject({ reason: 'locked', next: null });
    expect(decide({ passwordOk: false })).toMatchObject({ reason: 'wrong_password', next: { failures: 1, lockedUntil: null } });
    const fifth = decide({ account: account({ state: { failures: 4, lockedUntil: null } }), passwordOk: false });
    expect(fifth).toMatchObject({ reason: 'wrong_password', next: { failures: 5, lockedUntil: new Date(now.getTime() + 15 * 60_000) } });
  });

  it('asks for the second factor only after the right password of an unlocked account', () => {
    expect(decide({})).toEqual({ outcome: 'ok' });
    expect(decide({ account: account({ secondFactor: true }) })).toEqual({ outcome: 'otp_required' });
    expect(decide({ account: account({ secondFactor: true }), otp: 'ok' })).toEqual({ outcome: 'ok' });
    expect(decide({ account: account({ secondFactor: true }), otp: 'wrong' })).toMatchObject({
      reason: 'wrong_otp',
      message: WRONG_SECOND_FACTOR_MESSAGE,
      next: { failures: 1 },
    });
    expect(decide({ account: account({ secondFactor: true }), otp: 'replay' })).toMatchObject({
      reason: 'otp_replay',
      message: WRONG_SECOND_FACTOR_MESSAGE,
    });
    // A lock that has run out lets the right password in again.
    const over = { failures: 5, lockedUntil: new Date(now.getTime() - 1) };
    expect(decide({ account: account({ state: over }) })).toEqual({ outcome: 'ok' });
  });
});
