import { and, asc, count, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { listUnits } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';
import { registrationRules, standingSql, subjectWhere } from './standing.ts';

const { teacherStaff: st, teacherRegistrations: rg, schools } = tables;

/**
 * 教师资格定期注册逾期人数: 专任教师 in post whose registration is overdue on the day (`registrationStanding` =
 * 逾期未注册: the due date passed without a registration), counted at their school; per unit and per school.
 */
export const registrationOverdue: KpiSource = {
  id: 'teachers.registration-overdue',
  recordsRoute: 'teachers:registration',
  async byUnit(db, scope, today) {
    const rules = await registrationRules(db);
    const rows = await db
      .select({ unitCode: st.unitCode, n: count() })
      .from(st)
      .innerJoin(rg, eq(rg.idIndex, st.idIndex))
      .where(and(subjectWhere(), recordScope(scope, st), standingSql('overdue', today, rules)))
      .groupBy(st.unitCode);
    const out = new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.n, den: null }]));
    // A count: 0 for a unit without any, once the module holds registrations.
    if ((await db.select({ n: count() }).from(rg).limit(1))[0]?.n)
      for (const u of await listUnits(db, scope)) if (!out.has(u.code)) out.set(u.code, { num: 0, den: null });
    return out;
  },
  async bySchool(db, scope, unitCode, today) {
    const rules = await registrationRules(db);
    const rows = await db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        n: sql<number>`(count(*) filter (where ${standingSql('overdue', today, rules)}))::int`,
      })
      .from(st)
      .innerJoin(rg, eq(rg.idIndex, st.idIndex))
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .where(and(subjectWhere(), recordScope(scope, st), eq(st.unitCode, unitCode)))
      .groupBy(schools.id)
      .orderBy(asc(schools.code));
    return rows.map(({ n, ...r }) => ({ ...r, measure: { num: n, den: null } }));
  },
};
