import { z } from 'zod';
import { hasVisibleText, isSafeText } from '../text.ts';
import type { SecurityPolicy } from './security-policy.ts';

/** The longest password any request may carry (the policy's own maximum is checked when one is set). */
export const MAX_PASSWORD_INPUT = 128;

/**
 * A password as typed into a form: not trimmed (spaces may be part of it), at most 128 characters, and text a
 * person can type: no control characters, broken surrogates or bidi controls, not only invisible characters.
 */
export const passwordField = (label: string, missing: string) =>
  z
    .string({ message: `${label}应为文本` })
    .min(1, { message: missing })
    .max(MAX_PASSWORD_INPUT, { message: `${label}过长` })
    .refine(isSafeText, { message: `${label}含有不可见的控制字符或无效字符` })
    .refine(hasVisibleText, { message: `${label}不能只含空白或不可见字符` });

/**
 * Password rules (security.md §1 身份鉴别 a). Only the checks that need no secret live here:
 * hashing (argon2id/bcrypt) and comparison with the last `policy.historyDepth` hashes are done by the db/api layer.
 */
export interface PasswordContext {
  policy: SecurityPolicy;
  username?: string;
  /** Lower-case deny-list, e.g. COMMON_PASSWORDS (production: a larger list, '@hyedu/domain/common-passwords'). */
  commonPasswords: ReadonlySet<string>;
  /** Lower-case words of the organisation (e.g. HENGYANG_CONTEXT_WORDS from '@hyedu/domain/hengyang'). */
  contextWords?: readonly string[];
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[\p{P}\p{S}]/u] as const;
const TRAILING_SYMBOLS = /[\p{P}\p{S}\s]+$/u;
const TRAILING_DIGITS_SYMBOLS = /[\d\p{P}\p{S}\s]+$/u;

/** The password lower-cased, then without trailing symbols, then without trailing digits and symbols. */
function candidates(lower: string): string[] {
  return [...new Set([lower, lower.replace(TRAILING_SYMBOLS, ''), lower.replace(TRAILING_DIGITS_SYMBOLS, '')])].filter((s) => s.length > 0);
}

/** Problems with a new password, in Chinese; an empty list means it is acceptable. */
export function checkPasswordStrength(password: string, ctx: PasswordContext): string[] {
  const { policy } = ctx;
  if (password.trim() === '') return ['密码不能为空，也不能全为空白字符'];
  if (CONTROL.test(password) || LONE_SURROGATE.test(password)) return ['密码不能包含控制字符或无效字符'];

  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`密码至少${policy.minLength}位`);
  if (length > policy.maxLength) problems.push(`密码不能超过${policy.maxLength}位`);
  if (CLASSES.filter((re) => re.test(password)).length < policy.minClasses) {
    problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少${policy.minClasses}类`);
  }

  const lower = password.toLowerCase();
  const bases = candidates(lower);
  if (bases.some((c) => ctx.commonPasswords.has(c))) problems.push('密码过于常见');

  const username = ctx.username?.trim().toLowerCase() ?? '';
  if ([...username].length >= 3 && lower.includes(username)) problems.push('密码不能包含用户名');

  // A word counts anywhere in the password, except ASCII words of one or two letters ('hy'): those only as the
  // whole stem ('Hy@123456'), so that 'Why' or 'physics' pass.
  const words = ctx.contextWords ?? [];
  const hasWord = words.some((w) => {
    const word = w.toLowerCase();
    return /^[a-z]{1,2}$/.test(word) ? bases.includes(word) : word !== '' && lower.includes(word);
  });
  if (hasWord) problems.push('密码不能包含单位名称等常见词');

  return problems;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PasswordExpiry {
  expired: boolean;
  /** True in the last `expiryWarningDays` days before expiry. */
  warn: boolean;
  /** Whole days left, rounded up; 0 once expired. */
  daysLeft: number;
}

/** Where a password stands against the maximum age. An unreadable date counts as expired (fail closed). */
export function passwordExpiry(changedAt: Date, now: Date, policy: SecurityPolicy): PasswordExpiry {
  const msLeft = changedAt.getTime() + policy.maxAgeDays * DAY_MS - now.getTime();
  if (!Number.isFinite(msLeft) || msLeft <= 0) return { expired: true, warn: false, daysLeft: 0 };
  const daysLeft = Math.ceil(msLeft / DAY_MS);
  return { expired: false, warn: daysLeft <= policy.expiryWarningDays, daysLeft };
}

/** The notice shown after login, or null when there is nothing to say. */
export function passwordExpiryNotice(expiry: PasswordExpiry): string | null {
  if (expiry.expired) return '密码已过期，请立即修改密码';
  if (expiry.warn) return `密码将在${expiry.daysLeft}天后过期，请及时修改`;
  return null;
}

export type MustChangeReason = 'INITIAL' | 'EXPIRED';

/** Why the user must set a new password before doing anything else: first login, or expired. */
export function mustChangePassword(
  user: { mustChange: boolean; passwordChangedAt: Date },
  now: Date,
  policy: SecurityPolicy,
): MustChangeReason | null {
  if (user.mustChange !== false) return 'INITIAL'; // anything but an explicit false: fail closed
  return passwordExpiry(user.passwordChangedAt, now, policy).expired ? 'EXPIRED' : null;
}
