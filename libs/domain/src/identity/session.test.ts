import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY as policy } from './security-policy.ts';
import { sessionEndedMessage, sessionExpiresAt, sessionStatus } from './session.ts';

const t0 = new Date('2025-03-01T08:00:00+08:00');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

// The identity issue and security.md §1/§6: 30 minutes idle with a warning 5 minutes before (at 25), 12 h absolute
// (ASVS 4.0.3 V3.3.2).
describe('sessionStatus', () => {
  const fresh = { createdAt: t0, lastSeenAt: t0 };

  it('warns at 25 idle minutes and ends at 30', () => {
    expect(sessionStatus(fresh, at(0), policy)).toBe('active');
    expect(sessionStatus(fresh, new Date(at(25).getTime() - 1), policy)).toBe('active');
    expect(sessionStatus(fresh, at(25), policy)).toBe('idle_warning');
    expect(sessionStatus(fresh, new Date(at(30).getTime() - 1), policy)).toBe('idle_warning');
    expect(sessionStatus(fresh, at(30), policy)).toBe('idle_expired');
  });

  it('ends after 12 hours however active the user is', () => {
    const busy = (m: number) => ({ createdAt: t0, lastSeenAt: at(m - 1) });
    expect(sessionStatus(busy(12 * 60 - 1), at(12 * 60 - 1), policy)).toBe('active');
    expect(sessionStatus(busy(12 * 60), at(12 * 60), policy)).toBe('absolute_expired');
    expect(sessionStatus(fresh, at(13 * 60), policy)).toBe('absolute_expired');
  });

  it('uses the policy numbers', () => {
    const strict = { ...policy, idleMinutes: 15, idleWarningMinutes: 2, absoluteHours: 8 };
    expect(sessionStatus(fresh, at(13), strict)).toBe('idle_warning');
    expect(sessionStatus(fresh, at(15), strict)).toBe('idle_expired');
    expect(sessionStatus({ createdAt: t0, lastSeenAt: at(479) }, at(480), strict)).toBe('absolute_expired');
  });

  it('ends a session with unreadable dates', () => {
    expect(sessionStatus({ createdAt: new Date('x'), lastSeenAt: t0 }, at(1), policy)).toBe('absolute_expired');
    expect(sessionStatus(fresh, new Date(Number.NaN), policy)).toBe('absolute_expired');
  });
});

describe('sessionExpiresAt and messages', () => {
  it('is the earlier of the idle and the absolute limit', () => {
    expect(sessionExpiresAt({ createdAt: t0, lastSeenAt: at(60) }, policy)).toEqual(at(90));
    expect(sessionExpiresAt({ createdAt: t0, lastSeenAt: at(12 * 60 - 10) }, policy)).toEqual(at(12 * 60));
  });

  it('says why a session ended', () => {
    expect(sessionEndedMessage('idle_expired')).toBe('会话已超时，请重新登录');
    expect(sessionEndedMessage('absolute_expired')).toBe('登录已超过最长时间，请重新登录');
    expect(sessionEndedMessage('idle_warning')).toBeNull();
    expect(sessionEndedMessage('active')).toBeNull();
  });
});
