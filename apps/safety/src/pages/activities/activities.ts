import { SafetyTopic } from '@hyedu/domain';
import { defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The activity list's filters as they live in the URL: `?unit=&topic=&q=&page=` (anything malformed is no filter). */
export const activityQuery = defineListQuery({ unitCode: unit(), topic: oneOf(SafetyTopic), q: text() });

/** What `safety.coverage` gives per unit: its schools, those that held every campaign topic, and those that held each topic. */
export interface CoverageCounts {
  schools: number;
  covered: number;
  /** Schools that run buses: the only ones 校车安全 applies to (its count in byTopic is among them). */
  withBuses?: number;
  byTopic: Record<string, number>;
}

/** The schools a topic applies to: 校车安全 only those that run buses, every other topic all of them. */
export const topicSchools = (r: CoverageCounts, topic: string): number => (topic === 'school_bus' ? (r.withBuses ?? r.schools) : r.schools);

/** The units' coverage added up (the scope's total row). */
export function sumCoverage(rows: readonly CoverageCounts[]): CoverageCounts {
  const byTopic: Record<string, number> = Object.fromEntries(SafetyTopic.options.map((t) => [t, 0]));
  let schools = 0;
  let covered = 0;
  let withBuses = 0;
  for (const r of rows) {
    schools += r.schools;
    covered += r.covered;
    withBuses += r.withBuses ?? r.schools;
    for (const t of SafetyTopic.options) byTopic[t]! += r.byTopic[t] ?? 0;
  }
  return { schools, covered, withBuses, byTopic };
}

/** True when any school in the rows held any activity in the window (otherwise coverage is no data, not 0%). */
export const anyActivity = (rows: readonly CoverageCounts[]): boolean => rows.some((r) => Object.values(r.byTopic).some((n) => n > 0));

/** Schools covered ÷ schools; null without schools or without any activity recorded in the scope. */
export const coverageRate = (n: number, schools: number, hasData: boolean): number | null => (hasData && schools > 0 ? n / schools : null);
