import { CAMPAIGN_TOPICS, campaignTopicsFor, type SafetyTopic } from '@hyedu/domain';
import { anyActivity, coverageRate, sumCoverage, topicSchools, type CoverageCounts } from './pages/activities/activities.ts';
import { complianceRates, sumCounts, type ComplianceCounts } from './pages/compliance/compliance.ts';

/** What `safety.hazardSummary` gives per unit. */
export interface HazardCounts {
  total: number;
  open: number;
  /** Late at the school: past the rectification deadline, not yet submitted. */
  overdue: number;
  /** Late at the county: submitted for acceptance and not accepted within the limit. */
  lateAcceptance: number;
  majorOpen: number;
  awaiting: number;
}
type Unit = { code: string; name: string; kind: string };
type ByUnit<T> = readonly (T & { unitCode: string })[];

/** One row of the overview's county table; a figure is null when there is no data behind it (shown '—', never 0). */
export interface OverviewRow {
  code: string;
  name: string;
  kind: string;
  schools: number | null;
  verified: number | null;
  allRate: number | null;
  open: number | null;
  overdue: number | null;
  majorOpen: number | null;
  coverage: number | null;
}

/**
 * The three summaries side by side, one row per unit in the caller's scope (the units' display order). Without a
 * reported term there is no compliance; without any hazard in the scope's ledger the hazard counts are no data, but
 * once there is one, a unit without hazards has 0; without any activity in the window coverage is no data.
 */
export function overviewRows(
  units: readonly Unit[],
  data: { compliance: ByUnit<ComplianceCounts> | null; hazards: ByUnit<HazardCounts>; coverage: ByUnit<CoverageCounts> },
): OverviewRow[] {
  const hasHazards = data.hazards.some((h) => h.total > 0);
  const hasActivity = anyActivity(data.coverage);
  return units.map((u) => {
    const c = data.compliance?.find((r) => r.unitCode === u.code);
    const h = hasHazards ? data.hazards.find((r) => r.unitCode === u.code) : undefined;
    const cov = data.coverage.find((r) => r.unitCode === u.code);
    return {
      ...u,
      schools: cov?.schools ?? c?.schools ?? null,
      verified: c?.verified ?? null,
      allRate: c ? complianceRates(c).all : null,
      open: h ? h.open : hasHazards ? 0 : null,
      overdue: h ? h.overdue : hasHazards ? 0 : null,
      majorOpen: h ? h.majorOpen : hasHazards ? 0 : null,
      coverage: cov ? coverageRate(cov.covered, cov.schools, hasActivity) : null,
    };
  });
}

/** The scope's figures for the cards: the 4个100% rates, hazard counts and campaign coverage, each null without data. */
export function overviewTotals(data: {
  compliance: ByUnit<ComplianceCounts> | null;
  hazards: ByUnit<HazardCounts>;
  coverage: ByUnit<CoverageCounts>;
}) {
  const counts = data.compliance ? sumCounts(data.compliance) : null;
  const hasHazards = data.hazards.some((h) => h.total > 0);
  const sum = (k: keyof HazardCounts) => (hasHazards ? data.hazards.reduce((a, h) => a + h[k], 0) : null);
  const cov = sumCoverage(data.coverage);
  return {
    counts,
    rates: counts ? complianceRates(counts) : null,
    hazards: {
      open: sum('open'),
      overdue: sum('overdue'),
      lateAcceptance: sum('lateAcceptance'),
      majorOpen: sum('majorOpen'),
      awaiting: sum('awaiting'),
    },
    coverage: coverageRate(cov.covered, cov.schools, anyActivity(data.coverage)),
  };
}

/** Of the eight campaign topics, those the rows' schools held and those none held (a school's own 专项教育 at a glance). */
export function campaignTopics(rows: readonly CoverageCounts[]): {
  held: SafetyTopic[];
  missing: SafetyTopic[];
  applicable: readonly SafetyTopic[];
} {
  const total = sumCoverage(rows);
  // 校车安全 applies only where a school runs buses (campaignTopicsFor): without any, it is neither held nor missing.
  const applicable = campaignTopicsFor({ runsBuses: (total.withBuses ?? 0) > 0 });
  const held = applicable.filter((t) => (total.byTopic[t] ?? 0) > 0);
  return { held, missing: applicable.filter((t) => !held.includes(t)), applicable };
}

/** The topic the fewest schools held (where coverage is weakest), with its rate; null without any activity. */
export function weakestTopic(rows: readonly CoverageCounts[]): { topic: SafetyTopic; rate: number } | null {
  if (!anyActivity(rows)) return null;
  const total = sumCoverage(rows);
  if (total.schools === 0) return null;
  // Each topic's rate among the schools it applies to (校车安全: those that run buses).
  const rate = (t: SafetyTopic) => (total.byTopic[t] ?? 0) / topicSchools(total, t);
  const topic = CAMPAIGN_TOPICS.filter((t) => topicSchools(total, t) > 0).sort((a, b) => rate(a) - rate(b))[0]!;
  return { topic, rate: rate(topic) };
}
