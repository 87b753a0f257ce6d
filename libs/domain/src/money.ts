import { z } from 'zod';
import { compactText } from './text.ts';

/** An amount of money in integer fen (分, 1/100 yuan). Never a float number of yuan. */
export type Fen = number & { __brand: 'Fen' };

export type FenResult = { ok: true; value: Fen } | { ok: false; message: string };

const MAX_FEN = String(Number.MAX_SAFE_INTEGER);

/** Digits without leading zeros ('' → '0'). */
const stripZeros = (d: string) => d.replace(/^0+(?=\d)/, '') || '0';

/**
 * Parses a yuan amount into fen with string arithmetic (no float multiplication).
 * Accepts '1234.5', '1,234.56', full-width '１２３４', '¥12.30', '-¥5', '100元'.
 * Digits past the second decimal are accepted only when they are zeros ('1.500').
 */
export function yuanToFen(input: string | number, opts: { allowNegative?: boolean } = {}): FenResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: '金额格式无效' };
    text = String(input);
    if (/e/i.test(text)) return { ok: false, message: Math.abs(input) >= 1 ? '金额超出范围' : '金额最多保留两位小数' };
  } else {
    text = compactText(input);
  }
  if (text === '') return { ok: false, message: '请输入金额' };

  let s = text.replace(/^¥/, '');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1).replace(/^¥/, '');
  }
  s = s.replace(/元$/, '');

  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, message: '金额格式无效' };
  const intPart = m[1]!.replace(/,/g, '');
  const fracPart = (m[2] ?? '').replace(/0+$/, '');
  if (fracPart.length > 2) return { ok: false, message: '金额最多保留两位小数' };

  const digits = stripZeros(intPart + fracPart.padEnd(2, '0'));
  if (digits.length > MAX_FEN.length || (digits.length === MAX_FEN.length && digits > MAX_FEN)) {
    return { ok: false, message: '金额超出范围' };
  }
  const fen = Number(digits);
  if (negative && fen !== 0 && !opts.allowNegative) return { ok: false, message: '金额不能为负数' };
  return { ok: true, value: (negative && fen !== 0 ? -fen : fen) as Fen };
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为以分计的安全整数：${fen}`);
}

/** Splits |fen| into a yuan-digits string and a 2-digit fen string, without float division. */
function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  const s = String(Math.abs(fen)).padStart(3, '0');
  return { sign: fen < 0 ? '-' : '', yuan: s.slice(0, -2), cents: s.slice(-2) };
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/** '1234.56' (no grouping, no symbol): for forms, CSV and APIs. */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

/**
 * Display format with comma grouping every 3 digits:
 * '1,234.56', with symbol '¥1,234.56'; unit 'wanyuan' → '12.35万元' (rounded half up to 0.01万元 = 100元;
 * the symbol is not used with 万元).
 */
export function formatFen(fen: number, opts: { unit?: 'yuan' | 'wanyuan'; symbol?: boolean } = {}): string {
  assertFen(fen);
  if (opts.unit === 'wanyuan') {
    const abs = BigInt(Math.abs(fen));
    const hundredths = (abs + 5000n) / 10000n; // 0.01万元 = 10000分
    const { yuan, cents } = splitFen(Number(hundredths));
    const sign = fen < 0 && hundredths !== 0n ? '-' : '';
    return `${sign}${group(yuan)}.${cents}万元`;
  }
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${opts.symbol ? '¥' : ''}${group(yuan)}.${cents}`;
}

/** Stored amount: a non-negative safe integer number of fen. */
export const FenAmount = z
  .number({ error: '金额应为数字' })
  .int({ message: '金额应为以分计的整数' })
  .min(0, { message: '金额不能为负数' })
  .max(Number.MAX_SAFE_INTEGER, { message: '金额超出范围' })
  .transform((v) => v as Fen);

/** A yuan amount typed by a person (string or number) → Fen. */
export function yuanInput(opts: { allowNegative?: boolean } = {}) {
  return z.union([z.string(), z.number()], { error: '金额应为数字或文本' }).transform((v, ctx) => {
    const r = yuanToFen(v, opts);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });
}

export const YuanInput = yuanInput();

/** Exact sum; throws when any amount or the running total leaves the safe-integer range. */
export function sumFen(list: Iterable<number>): Fen {
  let total = 0;
  for (const fen of list) {
    assertFen(fen);
    total += fen;
    if (!Number.isSafeInteger(total)) throw new RangeError('金额合计超出范围');
  }
  return total as Fen;
}
