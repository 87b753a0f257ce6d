import { and, asc, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { CURRENT_SCHOOL_YEAR, schoolWhere } from '../../queries.ts';

const { schools, schoolStaffing } = tables;

/** 编制使用率 (item 19): 在编教职工 ÷ 核定编制, per unit and per school. */
const staffingUse: KpiSource = {
  id: 'teachers.staffing-use',
  recordsRoute: 'teachers:schools',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: schools.unitCode,
        teachers: sql<number>`sum(${schoolStaffing.teachers})::int`,
        quota: sql<number>`sum(${schoolStaffing.quota})::int`,
      })
      .from(schoolStaffing)
      .innerJoin(schools, eq(schools.id, schoolStaffing.schoolId))
      .where(and(eq(schoolStaffing.schoolYear, CURRENT_SCHOOL_YEAR), schoolWhere(scope)))
      .groupBy(schools.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.teachers, den: r.quota }]));
  },
  async bySchool(db, scope, unitCode) {
    const rows = await db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        teachers: schoolStaffing.teachers,
        quota: schoolStaffing.quota,
      })
      .from(schoolStaffing)
      .innerJoin(schools, eq(schools.id, schoolStaffing.schoolId))
      .where(and(eq(schoolStaffing.schoolYear, CURRENT_SCHOOL_YEAR), schoolWhere(scope, { unitCode })))
      .orderBy(asc(schools.code));
    return rows.map((r) => ({
      schoolId: r.schoolId,
      code: r.code,
      name: r.name,
      unitCode: r.unitCode,
      measure: { num: r.teachers, den: r.quota },
    }));
  },
};

export const teachersKpis: KpiSource[] = [staffingUse];
