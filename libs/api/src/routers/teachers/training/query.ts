import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
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
 * A person's IT 2.0 hours on `asOf` (`itStanding` in SQL): hours of IT 2.0 projects dated in the window — by the
 * person's blind index, so hours earned at a former school count.
 */
export const itHoursSql = (idIndex: SQL | typeof st.idIndex, asOf: string, years = IT_CAPABILITY_RULE.years) =>
  sql<number>`(select coalesce(sum(${r.hours}), 0) from ${r} join ${p} on ${p.id} = ${r.projectId}
    where ${r.idIndex} = ${idIndex} and ${p.itCapability} and ${r.recordedOn} > ${itWindowStart(asOf, years)} and ${r.recordedOn} <= ${asOf})::int`;
