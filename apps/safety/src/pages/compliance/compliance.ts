import { Term, type FourthIndicator, type Indicator } from '@hyedu/domain';
import { among, defineListQuery, oneOf, text, unit } from '@hyedu/web';
import { indicatorKeys, type IndicatorKey } from '../../labels.ts';

/** The school list's filters as they live in the URL: `?term=&show=&unit=&q=&page=` (anything malformed is no filter). */
export const SHOW = ['all', 'missing', 'noncompliant', 'submitted'] as const;
export type Show = (typeof SHOW)[number];
export const complianceQuery = defineListQuery({ term: oneOf(Term), show: among(SHOW), unitCode: unit(), q: text() });
export type ComplianceQuery = ReturnType<typeof parseComplianceQuery>;
export const parseComplianceQuery = (query: Record<string, unknown>) => {
  const q = complianceQuery.parse(query);
  return { ...q, show: q.show ?? ('all' as Show) };
};

/** The terms to pick from: the server's recent ones plus any other term in view (the latest reported may be older), newest first. */
export function termOptions(recent: readonly string[], ...also: (string | null | undefined)[]): string[] {
  return [...new Set([...recent, ...also.filter((t): t is string => !!t)])].sort().reverse();
}

/** One indicator of one school: met, not met, not applicable there, or nothing reported. */
export type Cell = 'met' | 'unmet' | 'na' | 'none';
export const cellOf = (v: boolean | null | undefined): Cell => (v === undefined ? 'none' : v === null ? 'na' : v ? 'met' : 'unmet');

/** A row of `safety.profiles` as the four indicator cells (the fourth as configured) and the overall one. */
export function indicatorCells(
  met: (Record<Indicator, boolean | null> & { all: boolean }) | null,
  fourth: FourthIndicator,
): { key: IndicatorKey; cell: Cell }[] {
  const keys = indicatorKeys(fourth);
  const values: (boolean | null | undefined)[] = [met?.guards, met?.closed, met?.alarm, met?.fourth];
  return keys.map((key, i) => ({ key, cell: met ? cellOf(values[i]) : 'none' }));
}

/** The counts `safety.compliance` gives per unit. */
export interface ComplianceCounts {
  schools: number;
  reported: number;
  verified: number;
  guards: number;
  closed: number;
  alarm: number;
  fourth: number;
  fourthApplies: number;
  all: number;
}
const KEYS = ['schools', 'reported', 'verified', 'guards', 'closed', 'alarm', 'fourth', 'fourthApplies', 'all'] as const;

/** The units' counts added up (the scope's total row). */
export function sumCounts(rows: readonly ComplianceCounts[]): ComplianceCounts {
  const out = Object.fromEntries(KEYS.map((k) => [k, 0])) as unknown as ComplianceCounts;
  for (const r of rows) for (const k of KEYS) out[k] += r[k];
  return out;
}

/** part ÷ whole, or null when there is nothing to divide by (no data is never 0%). */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The rates of a unit (or the total): every school of the registry is in the denominator and only verified statuses
 * count (as the dashboard computes them); the fourth indicator over the schools it applies to.
 */
export function complianceRates(c: ComplianceCounts): Record<'guards' | 'closed' | 'alarm' | 'fourth' | 'all', number | null> {
  return {
    guards: ratio(c.guards, c.schools),
    closed: ratio(c.closed, c.schools),
    alarm: ratio(c.alarm, c.schools),
    fourth: ratio(c.fourth, c.fourthApplies),
    all: ratio(c.all, c.schools),
  };
}

/** A 「操作记录」 entry's details of an entered status, in a line: '在校生 800 · 教职工 60 · 专职保安 2 · 封闭化管理 是 …'. */
export function profileSummary(
  after: unknown,
  labels: Record<
    'students' | 'staff' | 'guards' | 'closed' | 'alarm110' | 'video' | 'guardPost' | 'antiRam' | 'yes' | 'no' | 'na' | 'file' | 'row',
    string
  >,
): string | null {
  if (!after || typeof after !== 'object') return null;
  const a = after as Record<string, unknown>;
  const yn = (v: unknown) => (v === true ? labels.yes : v === false ? labels.no : v === null ? labels.na : null);
  const parts: string[] = [];
  if (typeof a.file === 'string')
    parts.push(`${labels.file} ${a.file}${typeof a.row === 'number' ? ` · ${labels.row.replace('{n}', String(a.row))}` : ''}`);
  for (const [key, label] of [
    ['students', labels.students],
    ['staff', labels.staff],
    ['fulltimeGuards', labels.guards],
  ] as const)
    if (typeof a[key] === 'number') parts.push(`${label} ${a[key]}`);
  for (const [key, label] of [
    ['closedManagement', labels.closed],
    ['alarmLinked110', labels.alarm110],
    ['videoLinkedPolice', labels.video],
    ['guardPost', labels.guardPost],
    ['antiRam', labels.antiRam],
  ] as const) {
    const v = yn(a[key]);
    if (key in a && v) parts.push(`${label} ${v}`);
  }
  return parts.length ? parts.join(' · ') : null;
}
