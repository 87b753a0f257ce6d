import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY, policyFromStorage, SecurityPolicy } from './security-policy.ts';

const firstMessage = (patch: Record<string, unknown>) =>
  SecurityPolicy.safeParse({ ...DEFAULT_SECURITY_POLICY, ...patch }).error?.issues[0]?.message;

describe('SecurityPolicy', () => {
  // The identity issue and security.md §1 身份鉴别 a–b: ≥8 characters, 3 of 4 classes, last 5, 90 days with a
  // warning 7 days before; lock after 5 failures for 15 minutes; 30 min idle with
  // a warning 5 minutes before; 12 h absolute (ASVS 4.0.3 V3.3.2).
  it('has the numbers of the issue', () => {
    expect(DEFAULT_SECURITY_POLICY).toEqual({
      minLength: 8,
      maxLength: 128,
      minClasses: 3,
      historyDepth: 5,
      maxAgeDays: 90,
      expiryWarningDays: 7,
      maxFailures: 5,
      lockMinutes: 15,
      idleMinutes: 30,
      idleWarningMinutes: 5,
      absoluteHours: 12,
    });
    expect(SecurityPolicy.parse(DEFAULT_SECURITY_POLICY)).toEqual(DEFAULT_SECURITY_POLICY);
    expect(Object.isFrozen(DEFAULT_SECURITY_POLICY)).toBe(true);
  });

  it('a 安全管理员 may tighten it', () => {
    // security.md §1 recommends 12 characters and allows a 15–30 minute lock.
    const strict = {
      ...DEFAULT_SECURITY_POLICY,
      minLength: 12,
      minClasses: 4,
      lockMinutes: 30,
      idleMinutes: 15,
      absoluteHours: 8,
      maxFailures: 3,
    };
    expect(SecurityPolicy.parse(strict)).toEqual(strict);
  });

  it('refuses to loosen it below 等保', () => {
    expect(firstMessage({ minLength: 6 })).toBe('密码最小长度不能低于8位');
    expect(firstMessage({ minClasses: 2 })).toBe('密码至少须包含3类字符');
    expect(firstMessage({ historyDepth: 3 })).toBe('密码历史不能少于5个');
    expect(firstMessage({ maxAgeDays: 180 })).toBe('密码有效期不能超过90天');
    expect(firstMessage({ maxFailures: 10 })).toBe('锁定前允许的失败次数不能超过5次');
    expect(firstMessage({ lockMinutes: 5 })).toBe('锁定时间不能少于15分钟');
    expect(firstMessage({ idleMinutes: 60 })).toBe('空闲超时不能超过30分钟');
    expect(firstMessage({ absoluteHours: 24 })).toBe('会话最长时间不能超过12小时');
  });

  it('checks that warnings come before the limits, and rejects unknown keys and non-integers', () => {
    expect(firstMessage({ expiryWarningDays: 30, maxAgeDays: 30 })).toBe('密码到期提醒天数应小于密码有效期');
    expect(firstMessage({ idleWarningMinutes: 30 })).toBe('超时提醒应早于空闲超时');
    expect(SecurityPolicy.safeParse({ ...DEFAULT_SECURITY_POLICY, mfa: false }).success).toBe(false);
    expect(SecurityPolicy.safeParse({ ...DEFAULT_SECURITY_POLICY, minLength: 8.5 }).success).toBe(false);
    expect(SecurityPolicy.safeParse({ ...DEFAULT_SECURITY_POLICY, lockMinutes: '15' }).success).toBe(false);
  });

  it('reads a stored policy of an earlier version without losing what the 安全管理员 set', () => {
    const stored = { ...DEFAULT_SECURITY_POLICY, minLength: 12, lockMinutes: 30, showRemainingAfter: 3 };
    expect(policyFromStorage(stored)).toEqual({ ...DEFAULT_SECURITY_POLICY, minLength: 12, lockMinutes: 30 });
    expect(policyFromStorage({ ...DEFAULT_SECURITY_POLICY, minLength: 6 })).toEqual(DEFAULT_SECURITY_POLICY);
    expect(policyFromStorage(null)).toEqual(DEFAULT_SECURITY_POLICY);
    expect(SecurityPolicy.safeParse(stored).success).toBe(false);
  });
});
