import { z } from 'zod';
import type { SchoolLevel } from './school.ts';
import { compactText } from './text.ts';

/**
 * 学校标识码 (《学校(机构)代码管理办法》, 教育部 2011): 10 digits AABBCCCCCC — AA category, BB province
 * (GB/T 2260 first two digits), CCCCCC provincial sequence. Unique, never changes, no check digit.
 */
export const SCHOOL_CODE_CATEGORIES: Readonly<Record<string, string>> = {
  '11': '幼儿园',
  '21': '小学',
  '22': '成人小学',
  '31': '普通初中',
  '32': '职业初中',
  '33': '成人初中',
  '34': '普通高中（含完全中学）',
  '35': '成人高中',
  '36': '中等职业学校',
  '37': '工读学校',
  '41': '普通高校',
  '42': '成人高校',
  '51': '特殊教育学校',
  '91': '培养研究生的科研机构',
  '92': '民办的其他高等教育机构',
  '93': '中等职业培训机构',
};

/** Categories a municipal/county bureau manages (higher education 41/42/91/92 left out; docs/domain/org.md). */
export const BUREAU_SCHOOL_CODE_CATEGORIES: readonly string[] = ['11', '21', '22', '31', '32', '33', '34', '35', '36', '37', '51', '93'];

export interface SchoolCodeInfo {
  code: string;
  category: string;
  categoryLabel: string;
  provinceCode: string;
  sequence: string;
}

export type SchoolCodeErrorCode = 'SCHOOL_CODE_FORMAT' | 'SCHOOL_CODE_CATEGORY' | 'SCHOOL_CODE_PROVINCE';
export type SchoolCodeResult = { ok: true; value: SchoolCodeInfo } | { ok: false; code: SchoolCodeErrorCode; message: string };

export interface SchoolCodeOptions {
  /** Two-digit province code the school must belong to, e.g. '43' (湖南). */
  provinceCode?: string;
  /** Allowed AA categories; default: all of SCHOOL_CODE_CATEGORIES. */
  categories?: readonly string[];
}

export function parseSchoolCode(raw: string, opts: SchoolCodeOptions = {}): SchoolCodeResult {
  const code = compactText(raw);
  if (!/^\d{10}$/.test(code)) return { ok: false, code: 'SCHOOL_CODE_FORMAT', message: '学校标识码应为10位数字' };
  const category = code.slice(0, 2);
  const categoryLabel = SCHOOL_CODE_CATEGORIES[category];
  if (categoryLabel === undefined || (opts.categories !== undefined && !opts.categories.includes(category))) {
    return { ok: false, code: 'SCHOOL_CODE_CATEGORY', message: '学校标识码类别无效' };
  }
  const provinceCode = code.slice(2, 4);
  if (opts.provinceCode !== undefined && provinceCode !== opts.provinceCode) {
    return { ok: false, code: 'SCHOOL_CODE_PROVINCE', message: `学校标识码省份代码应为${opts.provinceCode}` };
  }
  return { ok: true, value: { code, category, categoryLabel, provinceCode, sequence: code.slice(4) } };
}

/** zod schema factory: string → normalised code, e.g. schoolCodeSchema('43') for Hunan. */
export function schoolCodeSchema(provinceCode?: string, categories?: readonly string[]) {
  const opts: SchoolCodeOptions = {};
  if (provinceCode !== undefined) opts.provinceCode = provinceCode;
  if (categories !== undefined) opts.categories = categories;
  return z
    .string({ error: '学校标识码应为字符串' })
    .transform(compactText)
    .superRefine((value, ctx) => {
      const r = parseSchoolCode(value, opts);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    });
}

const CATEGORY_BY_LEVEL: Record<SchoolLevel, string> = {
  kindergarten: '11',
  primary: '21',
  junior: '31',
  // How 九年一贯制 (and 十二年一贯制) schools are categorised is NOT verified (docs/domain/org.md);
  // 31 普通初中 is an assumption — confirm with the provincial 学校代码 office before minting codes.
  nine_year: '31',
  complete_middle: '34',
  senior: '34',
  vocational: '36',
  special: '51',
};

/** AA category used when minting a 学校标识码 for one of our school levels. */
export function schoolCodeCategoryForLevel(level: SchoolLevel): string {
  return CATEGORY_BY_LEVEL[level];
}
