import { and, asc, eq, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import { fiveItemsKpiTerm } from '@hyedu/domain/private-edu';
import type { KpiSource } from '../../../kpi/source.ts';
import { concernedWhere } from './query.ts';
import { fiveItemsSettings } from './settings.ts';

const { privateFiveItemsReturns: r, schools } = tables;

/** Per concerned school: whether its return for the counted term is accepted and compliant (num) — each school den 1. */
async function perSchool(db: Db, scope: DataScope, today: string, unitCode?: string) {
  const term = fiveItemsKpiTerm((await fiveItemsSettings(db)).due, today);
  return db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.name,
      unitCode: schools.unitCode,
      ok: sql<number>`(count(${r.id}) filter (where ${r.status} = 'accepted' and ${r.compliant}))::int`,
    })
    .from(schools)
    .leftJoin(r, and(eq(r.schoolId, schools.id), eq(r.term, term)))
    .where(concernedWhere(scope, unitCode))
    .groupBy(schools.id)
    .orderBy(asc(schools.code));
}

/**
 * 五项管理达标率 (item 6): the concerned schools (every school with compulsory grades) whose return for the latest term
 * past its due date is accepted and compliant ÷ the concerned schools; per county, and per school for the drill-down.
 */
export const fiveItemsCompliance: KpiSource = {
  id: 'private.five-items-compliance',
  recordsRoute: 'private-edu:five-items',
  async byUnit(db, scope, today) {
    const out = new Map<string, { num: number; den: number }>();
    for (const s of await perSchool(db, scope, today)) {
      const m = out.get(s.unitCode) ?? { num: 0, den: 0 };
      m.num += s.ok;
      m.den += 1;
      out.set(s.unitCode, m);
    }
    return out;
  },
  async bySchool(db, scope, unitCode, today) {
    return (await perSchool(db, scope, today, unitCode)).map((s) => ({
      schoolId: s.schoolId,
      code: s.code,
      name: s.name,
      unitCode: s.unitCode,
      measure: { num: s.ok, den: 1 },
    }));
  },
};
