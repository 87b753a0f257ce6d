import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, RecordId, textField, type DataScope } from '@hyedu/domain';
import { SchoolYear } from '@hyedu/domain/private-edu';
import { SupportStage } from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { containsText } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { teacherSupportNeeds: nd, teacherSupportDispatches: dp, teacherStaff: st, schools, orgUnits } = tables;
export const fromSchools = alias(schools, 'from_school');

export const NeedFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolYear: SchoolYear.optional(),
  schoolStage: SupportStage.optional(),
  open: z.boolean({ message: '请选择是否只看未派满' }).optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type NeedFilter = z.infer<typeof NeedFilter>;

export const DispatchFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolYear: SchoolYear.optional(),
  needId: RecordId.optional(),
  q: textField(20, '姓名').optional(),
}).strict();
export type DispatchFilter = z.infer<typeof DispatchFilter>;

/**
 * Teachers dispatched to a need (its fill's numerator), correlated by the tables' own names: drizzle leaves columns
 * unqualified in a query without joins, where `need_id = id` would read the dispatch's own id.
 */
const dispatched = sql<number>`(select count(*) from teacher_support_dispatches d where d.need_id = "teacher_support_needs"."id")::int`;

/** The needs list's filter as SQL (the list and its export): needs of receiving schools in the caller's scope. */
export const needWhere = (scope: DataScope, f: Omit<NeedFilter, 'page' | 'pageSize'>) =>
  and(
    recordScope(scope, nd),
    f.unitCode ? eq(nd.unitCode, f.unitCode) : undefined,
    f.schoolYear ? eq(nd.schoolYear, f.schoolYear) : undefined,
    f.schoolStage ? eq(nd.schoolStage, f.schoolStage) : undefined,
    f.open === true ? sql`${dispatched} < ${nd.needed}` : f.open === false ? sql`${dispatched} >= ${nd.needed}` : undefined,
    f.q ? or(containsText(schools.name, f.q), containsText(nd.subject, f.q)) : undefined,
  );

/** Needs matching `where` with their fill: latest school year first, then by county and school. */
export const needRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: nd.id,
      schoolId: nd.schoolId,
      schoolName: schools.name,
      schoolCode: schools.code,
      unitCode: nd.unitCode,
      unitName: orgUnits.name,
      schoolYear: nd.schoolYear,
      subject: nd.subject,
      schoolStage: nd.schoolStage,
      needed: nd.needed,
      dispatched,
      startsOn: nd.startsOn,
      endsOn: nd.endsOn,
      version: nd.version,
    })
    .from(nd)
    .innerJoin(schools, eq(schools.id, nd.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, nd.unitCode))
    .where(where)
    .orderBy(desc(nd.schoolYear), asc(orgUnits.sortOrder), asc(schools.code), asc(nd.id));

/**
 * The dispatches a caller sees: those to schools in their scope and those of their own teachers sent elsewhere (the
 * sending county follows its teachers).
 */
export const dispatchScope = (scope: DataScope) =>
  scope.kind === 'all'
    ? undefined
    : or(recordScope(scope, dp), recordScope(scope, { schoolId: dp.fromSchoolId, unitCode: dp.fromUnitCode }));

export const dispatchWhere = (scope: DataScope, f: Omit<DispatchFilter, 'page' | 'pageSize'>) =>
  and(
    dispatchScope(scope),
    f.unitCode ? or(eq(dp.unitCode, f.unitCode), eq(dp.fromUnitCode, f.unitCode)) : undefined,
    f.schoolYear ? eq(nd.schoolYear, f.schoolYear) : undefined,
    f.needId ? eq(dp.needId, f.needId) : undefined,
    f.q ? containsText(st.name, f.q) : undefined,
  );

/** Dispatches matching `where`: the teacher, from and to, the need's subject and the period; newest first. */
export const dispatchRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: dp.id,
      needId: dp.needId,
      name: st.name,
      subject: nd.subject,
      schoolStage: nd.schoolStage,
      schoolYear: nd.schoolYear,
      fromSchoolName: fromSchools.name,
      schoolName: schools.name,
      unitCode: dp.unitCode,
      unitName: orgUnits.name,
      startsOn: dp.startsOn,
      endsOn: dp.endsOn,
      createdBy: dp.createdBy,
    })
    .from(dp)
    .innerJoin(nd, eq(nd.id, dp.needId))
    .innerJoin(st, eq(st.id, dp.staffId))
    .innerJoin(schools, eq(schools.id, dp.schoolId))
    .innerJoin(fromSchools, eq(fromSchools.id, dp.fromSchoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, dp.unitCode))
    .where(where)
    .orderBy(desc(dp.startsOn), desc(dp.id));
