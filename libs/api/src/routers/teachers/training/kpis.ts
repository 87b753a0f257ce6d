import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { recordScope } from '../../../record-scope.ts';
import { itShort } from './query.ts';

const { teacherTrainingRecords: r, teacherTrainingProjects: p, teacherStaff: st, schools } = tables;

/** Per unit and per school of a table with school and unit columns: Σ num ÷ Σ den under `where`. */
function ratioSource(
  id: KpiSource['id'],
  recordsRoute: string,
  cols: { schoolId: typeof r.schoolId | typeof st.schoolId; unitCode: typeof r.unitCode | typeof st.unitCode },
  q: (today: string) => { table: typeof r | typeof st; join?: { table: typeof p; on: SQL }; num: SQL; where: SQL | undefined },
): KpiSource {
  const base = (db: Db, today: string, fields: Record<string, SQL | typeof schools.id | typeof schools.code | typeof schools.name>) => {
    const m = q(today);
    const s = db
      .select(fields as never)
      .from(m.table)
      .$dynamic();
    return m.join ? s.innerJoin(m.join.table, m.join.on) : s;
  };
  return {
    id,
    recordsRoute,
    async byUnit(db: Db, scope: DataScope, today: string) {
      const m = q(today);
      const rows = (await base(db, today, {
        unitCode: sql<string>`${cols.unitCode}`,
        num: sql<number>`(count(*) filter (where ${m.num}))::int`,
        den: sql<number>`count(*)::int`,
      })
        .where(and(recordScope(scope, cols), m.where))
        .groupBy(cols.unitCode)) as unknown as { unitCode: string; num: number; den: number }[];
      return new Map<string, Measure>(rows.map((x) => [x.unitCode, { num: x.num, den: x.den }]));
    },
    async bySchool(db: Db, scope: DataScope, unitCode: string, today: string) {
      const m = q(today);
      const rows = (await base(db, today, {
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        num: sql<number>`(count(*) filter (where ${m.num}))::int`,
        den: sql<number>`count(*)::int`,
      })
        .innerJoin(schools, eq(schools.id, cols.schoolId))
        .where(and(recordScope(scope, cols), eq(cols.unitCode, unitCode), m.where))
        .groupBy(schools.id)
        .orderBy(asc(schools.code))) as unknown as { schoolId: number; code: string; name: string; num: number; den: number }[];
      return rows.map((x) => ({ schoolId: x.schoolId, code: x.code, name: x.name, unitCode, measure: { num: x.num, den: x.den } }));
    },
  };
}

/**
 * 教师培训任务完成率: the participants on record for the year's projects (the business date's year) who completed ÷
 * all of them (each record is a planned participant), per county and school.
 */
const trainingCompletionKpi = ratioSource('teachers.training-completion', 'teachers:training-records', r, (today) => ({
  table: r,
  join: { table: p, on: eq(p.id, r.projectId) },
  num: sql`${r.completed}`,
  where: eq(p.year, Number(today.slice(0, 4))),
}));

/**
 * 信息技术应用能力提升工程2.0达标率: 专任教师 in post with ≥ 50 IT 2.0 hours in the 3 years to the day ÷ 专任教师 in
 * post, per unit and per school (from the staff rows' rollup, `itShort`).
 */
const teachersIn = (scope: DataScope, unitCode?: string) =>
  and(isNull(st.leftOn), eq(st.post, 'teacher'), recordScope(scope, st), unitCode ? eq(st.unitCode, unitCode) : undefined);
const itCapabilityKpi: KpiSource = {
  id: 'teachers.it-capability',
  recordsRoute: 'teachers:it-capability',
  async byUnit(db, scope, today) {
    const rows = await db
      .select({
        unitCode: st.unitCode,
        num: sql<number>`(count(*) filter (where not ${itShort(today)}))::int`,
        den: sql<number>`count(*)::int`,
      })
      .from(st)
      .where(teachersIn(scope))
      .groupBy(st.unitCode);
    return new Map<string, Measure>(rows.map((x) => [x.unitCode, { num: x.num, den: x.den }]));
  },
  async bySchool(db, scope, unitCode, today) {
    const rows = await db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        num: sql<number>`(count(*) filter (where not ${itShort(today)}))::int`,
        den: sql<number>`count(*)::int`,
      })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .where(teachersIn(scope, unitCode))
      .groupBy(schools.id)
      .orderBy(asc(schools.code));
    return rows.map((x) => ({ schoolId: x.schoolId, code: x.code, name: x.name, unitCode, measure: { num: x.num, den: x.den } }));
  },
};

export const trainingKpis: KpiSource[] = [trainingCompletionKpi, itCapabilityKpi];
