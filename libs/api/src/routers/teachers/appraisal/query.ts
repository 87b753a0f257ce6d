import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { type z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, PlanYear, SchoolRef, textField, type DataScope } from '@hyedu/domain';
import { AppraisalResult, EthicsResult } from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { Cursor, type KeyPart } from '../../../keyset.ts';
import { contains } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { teacherAppraisals: a, teacherAppraisalCounts: c, teacherStaff: st, schools, orgUnits } = tables;
export const APPRAISAL_TARGET = 'teacher_appraisal';

export const AppraisalFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: SchoolRef.optional(),
  year: PlanYear.optional(),
  result: AppraisalResult.optional(),
  ethics: EthicsResult.optional(),
  q: textField(20, '姓名').optional(),
  after: Cursor.optional(),
}).strict();
export type AppraisalFilter = z.infer<typeof AppraisalFilter>;

/** The list's order and keyset: by county, latest year first, then by id (`teacher_appraisals_unit_idx`). */
export const APPRAISAL_KEY: KeyPart[] = [
  { column: a.unitCode, desc: false, kind: 'string' },
  { column: a.year, desc: true, kind: 'number' },
  { column: a.id, desc: false, kind: 'number' },
];

/** The list's filter as SQL (the list and its export): the appraisals made by schools of the caller's scope. */
export const appraisalWhere = (scope: DataScope, f: Omit<AppraisalFilter, 'page' | 'pageSize' | 'after'>) =>
  and(
    recordScope(scope, a),
    f.unitCode ? eq(a.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(a.schoolId, f.schoolId) : undefined,
    f.year ? eq(a.year, f.year) : undefined,
    f.result ? eq(a.result, f.result) : undefined,
    f.ethics ? eq(a.ethics, f.ethics) : undefined,
    f.q ? or(ilike(st.name, contains(f.q))) : undefined,
  );

/** The appraisals matching `where`, in the keyset's order, with the person's name and the school. */
export const appraisalRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: a.id,
      staffId: a.staffId,
      name: st.name,
      schoolId: a.schoolId,
      schoolName: schools.name,
      unitCode: a.unitCode,
      unitName: orgUnits.name,
      year: a.year,
      result: a.result,
      ethics: a.ethics,
      version: a.version,
    })
    .from(a)
    .innerJoin(st, eq(st.id, a.staffId))
    .innerJoin(schools, eq(schools.id, a.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, a.unitCode))
    .where(where)
    .orderBy(asc(a.unitCode), desc(a.year), asc(a.id));

/**
 * The list's total: for the city or a county filtered by county, year and results, a sum over the counts kept by every
 * write (`teacher_appraisal_counts`); a school's, or a name search, counts the rows themselves (a few hundred).
 */
export function appraisalTotal(db: Db, scope: DataScope, f: Omit<AppraisalFilter, 'page' | 'pageSize' | 'after'>) {
  if (scope.kind === 'school' || f.schoolId || f.q) {
    const q = db.select({ n: count() }).from(a).$dynamic();
    return (f.q ? q.innerJoin(st, eq(st.id, a.staffId)) : q).where(appraisalWhere(scope, f));
  }
  return db
    .select({ n: sql<number>`coalesce(sum(${c.n}), 0)::int` })
    .from(c)
    .where(
      and(
        scope.kind === 'units' ? (scope.unitCodes.length ? inArray(c.unitCode, scope.unitCodes) : sql`false`) : undefined,
        scope.kind === 'all' || scope.kind === 'units' ? undefined : sql`false`,
        f.unitCode ? eq(c.unitCode, f.unitCode) : undefined,
        f.year ? eq(c.year, f.year) : undefined,
        f.result ? eq(c.result, f.result) : undefined,
        f.ethics ? eq(c.ethics, f.ethics) : undefined,
      ),
    );
}
