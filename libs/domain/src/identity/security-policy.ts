import { z } from 'zod';

/**
 * The security policy as data: password, login-failure and session rules (security.md §1 身份鉴别 a–b).
 * A 安全管理员 may change it, but only to make it stricter: the defaults below are the floor the schema
 * accepts, so a stored policy can never fall under what 等保 asks for. Rules take the policy as a parameter.
 */
export const SecurityPolicy = z
  .object({
    /** Minimum password length in characters (code points). 等保: ≥ 8. */
    minLength: z.number().int().min(8, { message: '密码最小长度不能低于8位' }).max(64, { message: '密码最小长度不能超过64位' }),
    /** Longest password accepted (input limit; ASVS 6.2.9 asks to allow at least 64). */
    maxLength: z.number().int().min(64, { message: '密码最大长度不能低于64位' }).max(256, { message: '密码最大长度不能超过256位' }),
    /** How many of the four classes (upper, lower, digit, symbol) a password needs. */
    minClasses: z.number().int().min(3, { message: '密码至少须包含3类字符' }).max(4, { message: '字符类别最多4类' }),
    /** How many previous passwords may not be reused. */
    historyDepth: z.number().int().min(5, { message: '密码历史不能少于5个' }).max(24, { message: '密码历史不能超过24个' }),
    /** Days a password stays valid. */
    maxAgeDays: z.number().int().min(7, { message: '密码有效期不能少于7天' }).max(90, { message: '密码有效期不能超过90天' }),
    /** Days before expiry from which the user is warned. */
    expiryWarningDays: z.number().int().min(1, { message: '密码到期提醒至少提前1天' }).max(30, { message: '密码到期提醒最多提前30天' }),
    /** Consecutive failures that lock the account. */
    maxFailures: z
      .number()
      .int()
      .min(3, { message: '锁定前允许的失败次数不能少于3次' })
      .max(5, { message: '锁定前允许的失败次数不能超过5次' }),
    /** How long a lock lasts. */
    lockMinutes: z.number().int().min(15, { message: '锁定时间不能少于15分钟' }).max(1440, { message: '锁定时间不能超过1440分钟' }),
    /** Idle time after which a session ends. */
    idleMinutes: z.number().int().min(5, { message: '空闲超时不能少于5分钟' }).max(30, { message: '空闲超时不能超过30分钟' }),
    /** How long before the idle timeout the user is warned. */
    idleWarningMinutes: z.number().int().min(1, { message: '超时提醒至少提前1分钟' }).max(30, { message: '超时提醒最多提前30分钟' }),
    /** Absolute session lifetime, however active the user is. */
    absoluteHours: z.number().int().min(1, { message: '会话最长时间不能少于1小时' }).max(12, { message: '会话最长时间不能超过12小时' }),
  })
  .strict()
  .refine((p) => p.expiryWarningDays < p.maxAgeDays, { message: '密码到期提醒天数应小于密码有效期', path: ['expiryWarningDays'] })
  .refine((p) => p.idleWarningMinutes < p.idleMinutes, { message: '超时提醒应早于空闲超时', path: ['idleWarningMinutes'] })
  .refine((p) => p.minLength <= p.maxLength, { message: '密码最小长度不能大于最大长度', path: ['minLength'] });
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

/** The identity issue's numbers (security.md §1 身份鉴别 a–b; §6 for the messages). */
export const DEFAULT_SECURITY_POLICY: Readonly<SecurityPolicy> = Object.freeze({
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

/**
 * Settings a stored policy may still carry from earlier versions, dropped on reading. `showRemainingAfter` (from
 * which failure the message showed the remaining tries) went when every failed sign-in got the same message.
 */
const RETIRED_KEYS = ['showRemainingAfter'] as const;

/** The policy a stored row holds (retired settings dropped), or the defaults if it no longer validates. */
export function policyFromStorage(stored: unknown): SecurityPolicy {
  const current =
    stored !== null && typeof stored === 'object'
      ? Object.fromEntries(Object.entries(stored).filter(([k]) => !(RETIRED_KEYS as readonly string[]).includes(k)))
      : stored;
  const parsed = SecurityPolicy.safeParse(current);
  return parsed.success ? parsed.data : { ...DEFAULT_SECURITY_POLICY };
}
