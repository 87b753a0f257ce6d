import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { listUnits } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { teacherProgrammeQuotas: q, teacherProgrammePersons: p } = tables;

/** The plan year the KPI reads (the 2022 work plan's programmes). */
export const PROGRAMME_KPI_YEAR = 2022;

/** Quotas are a county's figures: the units of the caller's scope (a school reads its county's). */
export const unitsIn = async (db: Parameters<typeof listUnits>[0], scope: DataScope) => (await listUnits(db, scope)).map((u) => u.code);

/**
 * 特岗、优师、公费师范生、银龄教师到岗率 (`teachers.programme-arrival`): the year's programme people arrived (已到岗, or
 * arrived and since left early) ÷ the number planned (the city's quotas), per county. No quota: no data.
 */
export const programmeArrival: KpiSource = {
  id: 'teachers.programme-arrival',
  recordsRoute: 'teachers:programmes',
  async byUnit(db, scope) {
    const units = await unitsIn(db, scope);
    if (!units.length) return new Map();
    const [planned, arrived] = await Promise.all([
      db
        .select({ unitCode: q.unitCode, n: sql<number>`coalesce(sum(${q.planned}), 0)::int` })
        .from(q)
        .where(and(eq(q.year, PROGRAMME_KPI_YEAR), inArray(q.unitCode, units)))
        .groupBy(q.unitCode),
      db
        .select({ unitCode: p.unitCode, n: sql<number>`count(*)::int` })
        .from(p)
        .where(and(eq(p.year, PROGRAMME_KPI_YEAR), isNotNull(p.arrivedOn), recordScope(scope, p)))
        .groupBy(p.unitCode),
    ]);
    const out = new Map<string, Measure>();
    for (const r of planned) if (r.n > 0) out.set(r.unitCode, { num: arrived.find((a) => a.unitCode === r.unitCode)?.n ?? 0, den: r.n });
    return out;
  },
};
