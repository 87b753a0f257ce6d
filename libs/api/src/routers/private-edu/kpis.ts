import { and, eq, like, or, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { CURRENT_SCHOOL_YEAR, schoolWhere } from '../../queries.ts';

const { schools, schoolEnrolment } = tables;

/** 民办义务教育在校生占比 (item 5): private compulsory students ÷ all compulsory students, per unit. */
const compulsoryShare: KpiSource = {
  id: 'private.compulsory-share',
  recordsRoute: 'private-edu:schools',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: schools.unitCode,
        privateStudents: sql<number>`coalesce(sum(${schoolEnrolment.students}) filter (where ${schools.ownership} = 'private'), 0)::int`,
        students: sql<number>`coalesce(sum(${schoolEnrolment.students}), 0)::int`,
      })
      .from(schoolEnrolment)
      .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
      .where(
        and(
          eq(schoolEnrolment.schoolYear, CURRENT_SCHOOL_YEAR),
          schoolWhere(scope),
          or(like(schoolEnrolment.grade, 'P%'), like(schoolEnrolment.grade, 'J%')),
        ),
      )
      .groupBy(schools.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.privateStudents, den: r.students }]));
  },
};

export const privateEduKpis: KpiSource[] = [compulsoryShare];
