import { and, eq, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import { DEFAULT_EXCHANGE_YEARS, EXCHANGE_LEVELS, joinedBy, schoolYearStart } from '@hyedu/domain/teachers';

const {
  teacherStaff: st,
  schools,
  orgUnits,
  teacherExchangeRecords: rc,
  teacherExchangeDesignations: dg,
  teacherExchangeSettings: es,
} = tables;

/** Plans and summaries are a county's: a county sees its own, the city all, a school none. */
export function unitScope(scope: DataScope, col: PgColumn): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'units') return scope.unitCodes.length ? inArray(col, scope.unitCodes) : sql`false`;
  return sql`false`;
}

/** The years at one school that make a teacher eligible: the city's setting, else the default. */
export async function exchangeYears(db: Db): Promise<{ years: number; version: number }> {
  const [row] = await db.select({ years: es.years, version: es.version }).from(es).where(eq(es.id, 1));
  return row ?? { years: DEFAULT_EXCHANGE_YEARS, version: 0 };
}

/** A school's designation in a school year (joined on `schools`). */
export const designationOn = (schoolYear: string) => and(eq(dg.schoolId, schools.id), eq(dg.schoolYear, schoolYear))!;

/** Someone away on an exchange of an earlier school year still running on this year's first day. */
const awayOnExchange = (schoolYear: string) =>
  sql`exists (select 1 from ${rc} where ${rc.staffId} = ${st.id} and ${rc.schoolYear} < ${schoolYear} and (${rc.startOn} + make_interval(years => ${rc.termYears}::int))::date > ${schoolYearStart(schoolYear)}::date)`;

/**
 * Eligible teachers (`eligibilityRefusal` in SQL; joined on `schools`): in post, 在编 专任教师 of a public 义务教育 school
 * joined at least `years` before the school year's first day, and not away on an earlier exchange still running.
 */
export const eligibleWhere = (schoolYear: string, years: number) =>
  and(
    isNull(st.leftOn),
    eq(st.status, 'tenured'),
    eq(st.post, 'teacher'),
    eq(schools.ownership, 'public'),
    inArray(schools.level, [...EXCHANGE_LEVELS]),
    lte(st.joinedOn, joinedBy(schoolYear, years)),
    sql`not ${awayOnExchange(schoolYear)}`,
  );

/** A sending school in SQL (`isSendingSchool`; joined on `schools` and left-joined on the designations). */
export const sendingSchool = sql`(not ${schools.isRural} or ${dg.designation} = 'quality')`;

/** Eligible teachers of sending schools per county (the 10%'s denominator). */
export async function eligibleByUnit(db: Db, schoolYear: string, years: number, where?: SQL) {
  const rows = await db
    .select({ unitCode: st.unitCode, n: sql<number>`count(*)::int` })
    .from(st)
    .innerJoin(schools, eq(schools.id, st.schoolId))
    .leftJoin(dg, designationOn(schoolYear))
    // 县管校聘 is the counties' own: the 局直 schools (the city's code) have no county plan.
    .innerJoin(orgUnits, eq(orgUnits.code, st.unitCode))
    .where(and(eligibleWhere(schoolYear, years), sendingSchool, ne(orgUnits.kind, 'city'), where))
    .groupBy(st.unitCode);
  return new Map(rows.map((r) => [r.unitCode, r.n]));
}

/** Exchange records per county of a school year: all, and 骨干; `where` narrows them (approved plans for the KPI). */
export async function exchangedByUnit(db: Db, schoolYear: string, where?: SQL) {
  const rows = await db
    .select({
      unitCode: rc.unitCode,
      n: sql<number>`count(*)::int`,
      backbone: sql<number>`count(*) filter (where ${rc.backbone})::int`,
    })
    .from(rc)
    .where(and(eq(rc.schoolYear, schoolYear), where))
    .groupBy(rc.unitCode);
  return new Map(rows.map((r) => [r.unitCode, { n: r.n, backbone: r.backbone }]));
}
