import { SCHOOL_LEVEL_LABELS, OWNERSHIP_LABELS, type Ownership, type SchoolLevel } from '@hyedu/domain';
import type { Locale } from './i18n.ts';

const intFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567"; null → "—" (no data is never shown as 0). */
export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : intFormat.format(n);
}

/** 0.0523 → "5.2%". */
export function formatPercent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;
}

export function formatRatio(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '—' : `${x.toFixed(digits)} : 1`;
}

const LEVEL_EN: Record<SchoolLevel, string> = {
  kindergarten: 'Kindergarten',
  primary: 'Primary',
  junior: 'Junior secondary',
  senior: 'Senior secondary',
  nine_year: '9-year school',
  complete_middle: 'Complete secondary',
  vocational: 'Vocational',
  special: 'Special education',
};

export function levelLabel(level: SchoolLevel, locale: Locale = 'zh-CN'): string {
  return locale === 'en-US' ? LEVEL_EN[level] : SCHOOL_LEVEL_LABELS[level];
}

export function ownershipLabel(o: Ownership, locale: Locale = 'zh-CN'): string {
  return locale === 'en-US' ? (o === 'public' ? 'Public' : 'Private') : OWNERSHIP_LABELS[o];
}

/** Label of a unit row; the city's own bucket holds the city-direct (局直) schools. */
export function unitLabel(u: { kind: string; name: string }, locale: Locale = 'zh-CN'): string {
  if (u.kind === 'city') return locale === 'en-US' ? 'City-direct schools' : '局直学校';
  return u.name;
}
