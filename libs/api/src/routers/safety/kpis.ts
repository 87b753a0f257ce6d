import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope, KpiId } from '@hyedu/domain';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { listUnits, scopeCondition } from '../../queries.ts';
import { recordScope } from './access.ts';
import { scopedCoverage } from './activities.ts';
import { complianceBySchool, complianceByUnit, latestTerm, type ComplianceCounts } from './compliance.ts';
import { countedSql, countyLateSql, openSql, schoolLateSql } from './overdue.ts';

const { safetyHazards: h, safetyIncidents: inc, schools } = tables;

/** The four indicators and full compliance, from the latest reported term. */
function complianceSource(id: KpiId, num: CountKey, den: CountKey = 'schools'): KpiSource {
  return {
    id,
    recordsRoute: 'safety:compliance',
    async byUnit(db, scope, today) {
      const term = await latestTerm(db, today);
      if (!term) return new Map<string, Measure>();
      const rows = await complianceByUnit(db, scope, term);
      return new Map<string, Measure>(
        rows.map((r) => [r.unitCode, { num: r[num], den: r[den], ...(den === 'schools' ? { verified: r.verified } : {}) }]),
      );
    },
    async bySchool(db, scope, unitCode, today) {
      const term = await latestTerm(db, today);
      if (!term) return [];
      const rows = await complianceBySchool(db, scope, unitCode, term);
      return rows.map((r) => ({
        schoolId: r.schoolId,
        code: r.code,
        name: r.name,
        unitCode: r.unitCode,
        measure: { num: r[num], den: r[den] },
      }));
    },
  };
}
type CountKey = Exclude<keyof ComplianceCounts, 'unitCode'>;

/** Units in scope (a count KPI shows 0, not 暂无数据, for a unit without records once the ledger has any). */
const unitCodes = async (db: Db, scope: DataScope) => (await listUnits(db, scope)).map((u) => u.code);

/** A hazard KPI: a ratio or a count over the hazard ledger, per unit and per school. */
function hazardSource(id: KpiId, measure: (today: string) => { num: SQL; den: SQL | null }): KpiSource {
  const cols = (today: string) => {
    const m = measure(today);
    return { num: sql<number>`(${m.num})::int`, den: m.den ? sql<number>`(${m.den})::int` : sql<null>`null` };
  };
  return {
    id,
    recordsRoute: 'safety:hazards',
    async byUnit(db, scope, today) {
      const rows = await db
        .select({ unitCode: h.unitCode, ...cols(today) })
        .from(h)
        .where(recordScope(scope, h))
        .groupBy(h.unitCode);
      const out = new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.num, den: r.den }]));
      if (out.size && measure('').den === null)
        for (const code of await unitCodes(db, scope)) if (!out.has(code)) out.set(code, { num: 0, den: null });
      return out;
    },
    async bySchool(db, scope, unitCode, today) {
      const rows = await db
        .select({ schoolId: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode, ...cols(today) })
        .from(h)
        .innerJoin(schools, eq(schools.id, h.schoolId))
        .where(and(recordScope(scope, h), eq(h.unitCode, unitCode)))
        .groupBy(schools.id)
        .orderBy(asc(schools.code));
      return rows.map((r) => ({
        schoolId: r.schoolId,
        code: r.code,
        name: r.name,
        unitCode: r.unitCode,
        measure: { num: r.num, den: r.den },
      }));
    },
  };
}

const closure = hazardSource('safety.hazard-closure', () => ({
  num: sql`count(*) filter (where ${h.status} = 'closed')`,
  den: sql`count(*) filter (where ${countedSql()})`,
}));
const overdue = hazardSource('safety.hazards-overdue', (today) => ({
  num: sql`count(*) filter (where ${schoolLateSql(today)})`,
  den: null,
}));
const acceptanceOverdue = hazardSource('safety.acceptance-overdue', (today) => ({
  num: sql`count(*) filter (where ${countyLateSql(today)})`,
  den: null,
}));
const majorOpen = hazardSource('safety.major-hazards-open', () => ({
  num: sql`count(*) filter (where ${openSql()} and ${h.severity} = 'major')`,
  den: null,
}));

const coverage: KpiSource = {
  id: 'safety.campaign-coverage',
  recordsRoute: 'safety:activities',
  async byUnit(db, scope, today) {
    const { rows } = await scopedCoverage(db, scope, today);
    // No activity recorded anywhere: no data rather than 0%.
    if (rows.every((r) => Object.values(r.byTopic).every((n) => n === 0))) return new Map();
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.covered, den: r.schools }]));
  },
};

/** Incidents with casualties in the last 12 months. */
const incidents: KpiSource = {
  id: 'safety.incidents',
  recordsRoute: 'safety:incidents',
  async byUnit(db, scope, today) {
    const until = new Date(Date.parse(`${today}T00:00:00+08:00`) + 86_400_000);
    const since = new Date(until.getTime() - 365 * 86_400_000);
    const [any] = await db.select({ id: inc.id }).from(inc).limit(1);
    if (!any) return new Map();
    const rows = await db
      .select({
        unitCode: schools.unitCode,
        n: sql<number>`(count(${inc.id}) filter (where ${inc.deaths} + ${inc.injuries} > 0 and ${inc.occurredAt} >= ${since} and ${inc.occurredAt} < ${until}))::int`,
      })
      .from(schools)
      .leftJoin(inc, eq(inc.schoolId, schools.id))
      .where(scopeCondition(scope))
      .groupBy(schools.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.n, den: null }]));
  },
};

export const safetyKpis: KpiSource[] = [
  complianceSource('safety.compliance', 'all'),
  complianceSource('safety.guards', 'guards'),
  complianceSource('safety.closed', 'closed'),
  complianceSource('safety.alarm', 'alarm'),
  complianceSource('safety.fourth', 'fourth', 'fourthApplies'),
  closure,
  overdue,
  acceptanceOverdue,
  majorOpen,
  coverage,
  incidents,
];
