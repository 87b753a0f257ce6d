import {
  CITY_OWN_LABELS,
  OWNERSHIP_LABELS,
  SCHOOL_LEVEL_LABELS,
  type CityOwn,
  type KpiDirection,
  type KpiUnit,
  type Ownership,
  type SchoolLevel,
} from '@hyedu/domain';
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

/** '2022-06-30' → '2022年6月30日' (zh-CN) or '2022-06-30'; null → '—'. */
export function formatDate(iso: string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return locale === 'en-US' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An ISO instant as Beijing date and time, '2022/6/28 10:00'. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso
    ? new Date(iso).toLocaleString('zh-CN', {
        hour12: false,
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';
}

/** A KPI value in its unit: ratios as percentages, counts as integers; no value is '—' (暂无数据 is the status's job). */
export function formatKpi(value: number | null | undefined, unit: KpiUnit, locale: Locale = 'zh-CN'): string {
  if (value === null || value === undefined) return '—';
  const en = locale === 'en-US';
  if (unit === 'ratio') return formatPercent(value, 1);
  if (unit === 'seats') return en ? `${formatInt(value)} places` : `${formatInt(value)}个`;
  if (unit === 'days') {
    const days = value.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return en ? `${days} days` : `${days}天`;
  }
  if (unit === 'yuan') {
    const amount = value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return en ? `CNY ${amount}` : `${amount}元`;
  }
  return formatInt(value);
}

/** A KPI's target as a sentence fragment: '≥ 100.0%', '≤ 5.0%', '≥ 33,730个', '0'. */
export function formatKpiTarget(target: number, unit: KpiUnit, direction: KpiDirection, locale: Locale = 'zh-CN'): string {
  if (target === 0 && direction === 'at_most') return '0';
  return `${direction === 'at_least' ? '≥' : '≤'} ${formatKpi(target, unit, locale)}`;
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

/**
 * Label of a unit row; the city's own bucket holds the city-direct (局直) schools, or for a KPI of budget units the
 * city's own budget (市本级).
 */
export function unitLabel(u: { kind: string; name: string }, locale: Locale = 'zh-CN', cityOwn: CityOwn = 'schools'): string {
  if (u.kind === 'city') return CITY_OWN_LABELS[cityOwn][locale === 'en-US' ? 'en' : 'zh'];
  return u.name;
}
