import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import type { KpiSource } from '../../../kpi/source.ts';
import { yearOf } from '../../../kpi/targets.ts';
import { caseScope } from './query.ts';

const { privateEnforcementCases: r } = tables;
const yearBounds = (today: string) => [`${yearOf(today)}-01-01`, `${yearOf(today)}-12-31`] as const;

/** The KPIs the cases move (the dashboard forgets their rollups after a write of the module). */
export const ENFORCEMENT_KPIS = ['private.enforcement-closed', 'private.enforcement-days'] as const;

/** 执法案件结案率: the cases filed (立案) in the plan year that are closed ÷ the cases filed in it, per county. */
const closedRate: KpiSource = {
  id: 'private.enforcement-closed',
  recordsRoute: 'private-edu:enforcement',
  async byUnit(db, scope: DataScope, today) {
    const [from, to] = yearBounds(today);
    const rows = await db
      .select({
        unitCode: r.unitCode,
        filed: sql<number>`count(*)::int`,
        closed: sql<number>`(count(*) filter (where ${eq(r.status, 'closed')}))::int`,
      })
      .from(r)
      .where(and(isNotNull(r.filedOn), gte(r.filedOn, from), lte(r.filedOn, to), caseScope(scope)))
      .groupBy(r.unitCode);
    return new Map(rows.map((x) => [x.unitCode, { num: x.closed, den: x.filed }]));
  },
};

/** 执法案件平均办案天数: days from 立案 to 结案, summed over the cases closed in the plan year ÷ those cases, per county. */
const averageDays: KpiSource = {
  id: 'private.enforcement-days',
  recordsRoute: 'private-edu:enforcement',
  async byUnit(db, scope: DataScope, today) {
    const [from, to] = yearBounds(today);
    const rows = await db
      .select({
        unitCode: r.unitCode,
        cases: sql<number>`count(*)::int`,
        days: sql<number>`coalesce(sum(${r.closedOn} - ${r.filedOn}), 0)::int`,
      })
      .from(r)
      .where(and(inArray(r.status, ['closed']), gte(r.closedOn, from), lte(r.closedOn, to), isNotNull(r.filedOn), caseScope(scope)))
      .groupBy(r.unitCode);
    return new Map(rows.map((x) => [x.unitCode, { num: x.days, den: x.cases }]));
  },
};

export const enforcementKpis: KpiSource[] = [closedRate, averageDays];
