import { eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { CONVERSION_DONE_STATES, projectedCounts } from '@hyedu/domain/private-edu';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { recordScope } from '../../record-scope.ts';
import { countingRule, latestCensus, leverForecasts, unitCounts } from './census.ts';

const { privateConversions: c, privateConversionTeachers: t } = tables;

/**
 * 民办义务教育在校生占比 (item 5) from the latest 学年初 census, per unit, with the share projected after the levers that
 * census does not show yet (done and planned) beside it.
 */
const compulsoryShare: KpiSource = {
  id: 'private.compulsory-share',
  recordsRoute: 'private-edu:home',
  async byUnit(db, scope) {
    const year = await latestCensus(db);
    if (year === null) return new Map();
    const rule = await countingRule(db);
    const [counts, levers] = await Promise.all([unitCounts(db, scope, year, rule), leverForecasts(db, scope, year, rule)]);
    return new Map<string, Measure>(
      [...counts].map(([unit, n]) => {
        const p = projectedCounts(
          n,
          year,
          levers.filter((l) => l.unitCode === unit),
        );
        return [unit, { num: n.privateStudents, den: n.totalStudents, projected: p.all.privateStudents }];
      }),
    );
  },
};

/** “公参民”学校转为公办比例: cases that reached 完成 with the disposal 转为公办 ÷ all cases, per county. */
const converted: KpiSource = {
  id: 'private.gongcanmin-converted',
  recordsRoute: 'private-edu:conversions',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: c.unitCode,
        all: sql<number>`count(*)::int`,
        converted: sql<number>`(count(*) filter (where ${c.disposal} = 'to_public' and ${inArray(c.status, [...CONVERSION_DONE_STATES])}))::int`,
      })
      .from(c)
      .where(recordScope(scope, c))
      .groupBy(c.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.converted, den: r.all }]));
  },
};

/** “公参民”学校教师安置率: affected teachers placed ÷ all affected teachers of the cases, per county. */
const teachersPlaced: KpiSource = {
  id: 'private.teachers-placed',
  recordsRoute: 'private-edu:conversions',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: c.unitCode,
        all: sql<number>`count(*)::int`,
        placed: sql<number>`(count(*) filter (where ${isNotNull(t.placement)}))::int`,
      })
      .from(t)
      .innerJoin(c, eq(c.id, t.caseId))
      .where(recordScope(scope, c))
      .groupBy(c.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.placed, den: r.all }]));
  },
};

export const privateEduKpis: KpiSource[] = [compulsoryShare, converted, teachersPlaced];
