import { and, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, PlanYear, SchoolRef, textField, type DataScope } from '@hyedu/domain';
import { IT_CAPABILITY_RULE, itWindowStart, TrainingTier } from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { Cursor, type KeyPart } from '../../../keyset.ts';
import { containsText } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { teacherTrainingRecords: r, teacherTrainingProjects: p, teacherStaff: st, schools, orgUnits } = tables;

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

/** The count behind the list: joins the projects and the staff only when the filter reads them (a county's count by index). */
export const recordCount = (db: Db, where: SQL | undefined, f: Omit<RecordFilter, 'page' | 'pageSize' | 'after'>) => {
  let q = db
    .select({ n: sql<number>`count(*)::int` })
    .from(r)
    .$dynamic();
  if (f.tier || f.year || f.itOnly) q = q.innerJoin(p, eq(p.id, r.projectId));
  if (f.q) q = q.innerJoin(st, eq(st.id, r.staffId));
  return q.where(where);
};

/**
 * A person's IT 2.0 hours on `asOf` (`itStanding` in SQL), for many people at once: hours of IT 2.0 projects dated in
 * the window, by the person's blind index (hours earned at a former school count), as one aggregate of the IT 2.0 records in the window per blind index (a hash
 * join where a lookup per teacher would cost a probe each). `people`: a subquery of the blind indexes concerned (a
 * county's or a school's staff), or none for the whole city.
 */
export const itHoursByPerson = (db: Db, asOf: string, people?: SQL) =>
  db
    .select({ idIndex: r.idIndex, hours: sql<number>`sum(${r.hours})::int`.as('it_hours') })
    .from(r)
    .innerJoin(p, eq(p.id, r.projectId))
    .where(
      and(
        eq(p.itCapability, true),
        gt(r.recordedOn, itWindowStart(asOf, IT_CAPABILITY_RULE.years)),
        lte(r.recordedOn, asOf),
        people ? sql`${r.idIndex} in (${people})` : undefined,
      ),
    )
    .groupBy(r.idIndex)
    .as('it_hours_by_person');

/**
 * One person's IT 2.0 hours as a scalar subquery (for a page of rows: evaluated only for the rows shown, where the
 * aggregate would first sum every teacher's).
 */
export const itHoursOf = (idIndex: typeof st.idIndex, asOf: string) =>
  sql<number>`(select coalesce(sum(${r.hours}), 0) from ${r} join ${p} on ${p.id} = ${r.projectId}
    where ${r.idIndex} = ${idIndex} and ${p.itCapability} and ${r.recordedOn} > ${itWindowStart(asOf, IT_CAPABILITY_RULE.years)}
    and ${r.recordedOn} <= ${asOf})::int`;
