import { z } from 'zod';
import { isIsoDate, isRealDate } from './date.ts';
import { compactText } from './text.ts';

/**
 * 居民身份证号 (GB 11643-1999), 18 characters:
 * 6 address code + 8 birth date (YYYYMMDD) + 3 sequence (odd = male, even = female) + 1 check character.
 * The address code is the 户籍 county at issue time; historical codes are valid, so it is not checked here.
 */
export interface IdCardInfo {
  number: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

export type IdCardErrorCode = 'ID_FORMAT' | 'ID_DATE' | 'ID_FUTURE' | 'ID_CHECKSUM';

export type IdCardResult = { ok: true; value: IdCardInfo } | { ok: false; code: IdCardErrorCode; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** NFKC, drop whitespace and zero-width characters, lower-case x → X. */
export function normalizeIdCard(raw: string): string {
  return compactText(raw).replace(/x/g, 'X');
}

/** The check character for the first 17 digits: "10X98765432"[Σ aᵢ·Wᵢ mod 11]. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号前17位应为数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const fail = (code: IdCardErrorCode, message: string): IdCardResult => ({ ok: false, code, message });

/**
 * Parses and validates an ID number. Checks, in order: format, real birth date,
 * birth date not after `today` (only when `today` is given), check character.
 */
export function parseIdCard(raw: string, opts: { today?: string } = {}): IdCardResult {
  const number = normalizeIdCard(raw);
  if (number.length !== 18) return fail('ID_FORMAT', '身份证号应为18位');
  if (!/^\d{17}[\dX]$/.test(number)) return fail('ID_FORMAT', '身份证号只能由数字组成，最后一位可以是X');

  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return fail('ID_DATE', '身份证号中的出生日期无效');
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;

  if (opts.today !== undefined) {
    if (!isIsoDate(opts.today)) throw new RangeError(`today 应为 YYYY-MM-DD：${opts.today}`);
    if (birthDate > opts.today) return fail('ID_FUTURE', '身份证号中的出生日期晚于今天');
  }

  if (idCardCheckChar(number.slice(0, 17)) !== number[17]) return fail('ID_CHECKSUM', '身份证号校验位错误');

  return {
    ok: true,
    value: {
      number,
      regionCode: number.slice(0, 6),
      birthDate,
      gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** zod schema: string → normalised ID number; the field error carries the Chinese message. */
export function idCardSchema(opts: { today?: string } = {}) {
  return z
    .string({ error: '身份证号应为字符串' })
    .transform(normalizeIdCard)
    .superRefine((value, ctx) => {
      const r = parseIdCard(value, opts);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    });
}

/** ID number without a future-date check (no clock in rules; use idCardSchema({ today }) for that). */
export const IdCardNumber = idCardSchema();

/** Shows the first 4 and last 4 characters only, e.g. 4304**********1234. */
export function maskIdCard(n: string): string {
  const s = normalizeIdCard(n);
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
