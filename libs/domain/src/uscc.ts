import { z } from 'zod';
import { compactText } from './text.ts';

/**
 * 统一社会信用代码 (GB 32100-2015), 18 characters over USCC_CHARSET (no I, O, Z, S, V):
 * pos 1 登记管理部门, pos 2 机构类别, pos 3–8 登记管理机关行政区划码 (GB/T 2260),
 * pos 9–17 组织机构代码 (GB 11714, own check digit at pos 17), pos 18 check character.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * 登记管理部门 labels. Only the codes confirmed in docs/domain/org.md are listed; public sources disagree
 * on the other codes (not verified), so an unknown code parses with a null label.
 */
export const USCC_AUTHORITY_LABELS: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '5': '民政',
  '9': '工商/市场监管',
  Y: '其他',
};

/** 机构类别 labels by 登记管理部门 (docs/domain/org.md; the 工商 ones are "commonly seen, not verified"). */
export const USCC_CATEGORY_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '1': { '1': '机关', '2': '事业单位', '3': '群团组织', '9': '其他' },
  '5': { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  '9': { '1': '企业', '2': '个体工商户' },
};

export interface UsccInfo {
  code: string;
  /** pos 1 */
  authority: string;
  authorityLabel: string | null;
  /** pos 2 */
  category: string;
  categoryLabel: string | null;
  /** pos 3–8 */
  divisionCode: string;
  /** pos 9–17 */
  orgCode: string;
  /** False when pos 17 fails the GB 11714 check (seen in early pilot codes): a warning, not an error. */
  orgCodeValid: boolean;
  /** Always true unless parsed with { lenient: true } and pos 18 fails. */
  checksumValid: boolean;
}

export type UsccErrorCode = 'USCC_FORMAT' | 'USCC_CHECKSUM';
export type UsccResult = { ok: true; value: UsccInfo } | { ok: false; code: UsccErrorCode; message: string };

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** NFKC, drop whitespace and zero-width characters, upper-case. */
export function normalizeUscc(raw: string): string {
  return compactText(raw).toUpperCase();
}

/** pos 18: charset[(31 − Σ v(cᵢ)·Wᵢ mod 31) mod 31]. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError('统一社会信用代码含有无效字符');
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check digit over 8 characters (0–9 = 0–9, A=10 … Z=35): 11 − (Σ Cᵢ·Wᵢ mod 11), 10 → X, 11 → 0. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] ?? '';
    const v = /^[0-9]$/.test(c) ? Number(c) : /^[A-Z]$/.test(c) ? c.charCodeAt(0) - 55 : -1;
    if (v < 0) throw new RangeError('组织机构代码含有无效字符');
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const fail = (code: UsccErrorCode, message: string): UsccResult => ({ ok: false, code, message });

/**
 * Parses a USCC. A pos-18 failure is an error (USCC_CHECKSUM) unless `lenient` is set, for importing
 * legacy registry data (docs/domain/org.md: some early pilot codes fail the check → warn, don't hard-reject).
 */
export function parseUscc(raw: string, opts: { lenient?: boolean } = {}): UsccResult {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return fail('USCC_FORMAT', '统一社会信用代码应为18位');
  for (const c of code) {
    if (!USCC_CHARSET.includes(c)) return fail('USCC_FORMAT', '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）');
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) return fail('USCC_FORMAT', '统一社会信用代码第3至8位应为行政区划代码');

  const checksumValid = usccCheckChar(code.slice(0, 17)) === code[17];
  if (!checksumValid && !opts.lenient) return fail('USCC_CHECKSUM', '统一社会信用代码校验位错误');

  const authority = code[0]!;
  const category = code[1]!;
  const orgCode = code.slice(8, 17);
  return {
    ok: true,
    value: {
      code,
      authority,
      authorityLabel: USCC_AUTHORITY_LABELS[authority] ?? null,
      category,
      categoryLabel: USCC_CATEGORY_LABELS[authority]?.[category] ?? null,
      divisionCode,
      orgCode,
      orgCodeValid: orgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8],
      checksumValid,
    },
  };
}

/** zod schema: string → normalised USCC (strict pos-18 check); the field error carries the Chinese message. */
export const Uscc = z
  .string({ error: '统一社会信用代码应为字符串' })
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const r = parseUscc(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });
