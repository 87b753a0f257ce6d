import { z } from 'zod';
import { isAdminRole, type Grant } from './roles.ts';

/**
 * The second factor (security.md §1 身份鉴别 d: 两种或两种以上组合的鉴别技术): a time-based one-time password
 * (TOTP, RFC 6238) from an authenticator app. Required for the three administrator roles (三员), available to
 * every account. The parameters are the ones every authenticator app understands; the issuer name the app shows is
 * the city's (e.g. HENGYANG_TOTP_ISSUER from '@hyedu/domain/hengyang').
 */
export const TOTP_PARAMS = Object.freeze({
  algorithm: 'SHA1',
  digits: 6,
  /** Seconds per code. */
  period: 30,
  /** Codes one step before or after are accepted (clock drift between phone and server). */
  window: 1,
  /** Secret length in bytes (RFC 4226 recommends 160 bits). */
  secretBytes: 20,
});

/** A code as typed: six digits (spaces the app shows between groups are ignored). */
export const TotpCode = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: '动态口令应为6位数字' }));

/** Whether these grants require a second factor: any administrator role does. */
export const secondFactorRequired = (grants: readonly Grant[]): boolean => grants.some((g) => isAdminRole(g.role));

/**
 * Whether a code for time step `step` may be accepted after `lastStep` was: each code works once, and a code
 * older than the last accepted one is refused too (RFC 6238 §5.2).
 */
export const stepIsFresh = (step: number, lastStep: number | null): boolean => lastStep === null || step > lastStep;

/** The 30-second step a moment falls in. */
export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_PARAMS.period);
