import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, PlanYear, SchoolRef, textField, type DataScope } from '@hyedu/domain';
import { IT_CAPABILITY_RULE, itWindowStart, TrainingTier } from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { Cursor, type KeyPart } from '../../../keyset.ts';
import { containsText } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { teacherTrainingRecords: r, teacherTrainingProjects: p, teacherTrainingCounts: c, teacherStaff: st, schools, orgUnits } = tables;

export const RecordFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: SchoolRef.optional(),
  tier: TrainingTier.optional(),
  year: PlanYear.optional(),
  itOnly: z.boolean({ message: '是否只看信息技术2.0项目应为是或否' }).optional(),
  q: textField(20, '姓名').optional(),
  after: Cursor.optional(),
}).strict();
export type RecordFilter = z.infer<typeof RecordFilter>;

/** The records list pages by key: newest first. */
export const RECORD_KEY: readonly KeyPart[] = [{ column: r.id, desc: true, kind: 'number' }];

/** The list's filter as SQL (the list and its export): the records of the caller's schools. */
export const recordWhere = (scope: DataScope, f: Omit<RecordFilter, 'page' | 'pageSize' | 'after'>) =>
  and(
    recordScope(scope, r),
    f.unitCode ? eq(r.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(r.schoolId, f.schoolId) : undefined,
    f.tier ? eq(p.tier, f.tier) : undefined,
    f.year ? eq(p.year, f.year) : undefined,
    f.itOnly ? eq(p.itCapability, true) : undefined,
    f.q ? containsText(st.name, f.q) : undefined,
  );

export const recordRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      name: st.name,
      staffId: r.staffId,
      schoolId: r.schoolId,
      schoolName: schools.name,
      unitName: orgUnits.name,
      projectId: r.projectId,
      projectName: p.name,
      projectCode: p.code,
      tier: p.tier,
      year: p.year,
      itCapability: p.itCapability,
      plannedHours: p.plannedHours,
      hours: r.hours,
      completed: r.completed,
      recordedOn: r.recordedOn,
      version: r.version,
    })
    .from(r)
    .innerJoin(p, eq(p.id, r.projectId))
    .innerJoin(st, eq(st.id, r.staffId))
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.id));

/**
 * The count behind the list: for the city or a county filtered by county, tier, year and IT 2.0, a sum over the counts
 * per project and county (`teacher_training_counts`, kept by every write); a school's, or a name search, counts the
 * records (joining the projects and the staff only when the filter reads them).
 */
export const recordCount = (db: Db, scope: DataScope, where: SQL | undefined, f: Omit<RecordFilter, 'page' | 'pageSize' | 'after'>) => {
  if (scope.kind === 'school' || f.schoolId || f.q) {
    let q = db
      .select({ n: sql<number>`count(*)::int` })
      .from(r)
      .$dynamic();
    if (f.tier || f.year || f.itOnly) q = q.innerJoin(p, eq(p.id, r.projectId));
    if (f.q) q = q.innerJoin(st, eq(st.id, r.staffId));
    return q.where(where);
  }
  return db
    .select({ n: sql<number>`coalesce(sum(${c.participants}), 0)::int` })
    .from(c)
    .innerJoin(p, eq(p.id, c.projectId))
    .where(
      and(
        scope.kind === 'units' ? (scope.unitCodes.length ? inArray(c.unitCode, scope.unitCodes) : sql`false`) : undefined,
        scope.kind === 'all' || scope.kind === 'units' ? undefined : sql`false`,
        f.unitCode ? eq(c.unitCode, f.unitCode) : undefined,
        f.tier ? eq(p.tier, f.tier) : undefined,
        f.year ? eq(p.year, f.year) : undefined,
        f.itOnly ? eq(p.itCapability, true) : undefined,
      ),
    );
};

/**
 * One person's IT 2.0 hours as a scalar subquery (for a page of rows: evaluated only for the rows shown, where the
 * aggregate would first sum every teacher's).
 */
export const itHoursOf = (idIndex: typeof st.idIndex, asOf: string) =>
  sql<number>`(select coalesce(sum(${r.hours}), 0) from ${r} join ${p} on ${p.id} = ${r.projectId}
    where ${r.idIndex} = ${idIndex} and ${p.itCapability} and ${r.recordedOn} > ${itWindowStart(asOf, IT_CAPABILITY_RULE.years)}
    and ${r.recordedOn} <= ${asOf})::int`;

/**
 * 专任教师 short of the IT 2.0 hours on `asOf`, by the staff row's rollup (the domain's `itShortOn`): the hours are
 * summed only for people with records dated after `asOf` (an earlier business day than their newest record).
 */
export const itShort = (asOf: string) =>
  sql`(${st.itMetUntil} is null or ${st.itMetUntil} < ${asOf} or (${st.itLastOn} > ${asOf} and ${itHoursOf(st.idIndex, asOf)} < ${IT_CAPABILITY_RULE.hours}))`;
