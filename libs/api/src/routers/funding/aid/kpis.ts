import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { semesterOf } from '@hyedu/domain/funding';
import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { recordScope } from '../../../record-scope.ts';

const { fundingAidMatches: m, fundingAidFollowUps: f, schools } = tables;

/** The KPIs an aid write moves (the dashboard recomputes them on its next read). */
export const AID_KPIS = ['funding.aid-coverage', 'funding.aid-unaided'] as const;

/**
 * 原建档立卡等家庭经济困难学生资助覆盖率 (第11项 “确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助”): of the
 * matched listed children in the 100% target's scope (the run's `in_target`), those aided this semester (the business
 * date's), per unit of the student's school and per school.
 */
export const aidCoverage: KpiSource = {
  id: 'funding.aid-coverage',
  recordsRoute: 'funding:aid-unaided',
  async byUnit(db, scope, today) {
    const rows = await db
      .select({
        unitCode: m.unitCode,
        num: sql<number>`count(*) filter (where ${m.outcome} = 'aided')::int`,
        den: sql<number>`count(*)::int`,
      })
      .from(m)
      .where(and(eq(m.semester, semesterOf(today)), eq(m.inTarget, true), recordScope(scope, m)))
      .groupBy(m.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.num, den: r.den }]));
  },
  async bySchool(db, scope, unitCode, today) {
    const rows = await db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        num: sql<number>`count(*) filter (where ${m.outcome} = 'aided')::int`,
        den: sql<number>`count(*)::int`,
      })
      .from(m)
      .innerJoin(schools, eq(schools.id, m.schoolId))
      .where(and(eq(m.semester, semesterOf(today)), eq(m.inTarget, true), eq(m.unitCode, unitCode), recordScope(scope, m)))
      .groupBy(schools.id)
      .orderBy(asc(schools.code));
    return rows.map(({ num, den, ...r }) => ({ ...r, measure: { num, den } }));
  },
};

/** 应助未助未销号学生数: follow-ups of this semester in the 100% target still open (待认定 or 已认定待发放), per unit and school. */
export const aidUnaided: KpiSource = {
  id: 'funding.aid-unaided',
  recordsRoute: 'funding:aid-unaided',
  async byUnit(db, scope, today) {
    const rows = await db
      .select({ unitCode: f.unitCode, n: sql<number>`count(*)::int` })
      .from(f)
      .where(and(eq(f.semester, semesterOf(today)), eq(f.inTarget, true), inArray(f.status, ['open', 'recognised']), recordScope(scope, f)))
      .groupBy(f.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.n, den: null }]));
  },
  async bySchool(db, scope, unitCode, today) {
    const rows = await db
      .select({ schoolId: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode, n: sql<number>`count(*)::int` })
      .from(f)
      .innerJoin(schools, eq(schools.id, f.schoolId))
      .where(
        and(
          eq(f.semester, semesterOf(today)),
          eq(f.inTarget, true),
          inArray(f.status, ['open', 'recognised']),
          eq(f.unitCode, unitCode),
          recordScope(scope, f),
        ),
      )
      .groupBy(schools.id)
      .orderBy(asc(schools.code));
    return rows.map(({ n, ...r }) => ({ ...r, measure: { num: n, den: null } }));
  },
};

export const aidKpis: readonly KpiSource[] = [aidCoverage, aidUnaided];
