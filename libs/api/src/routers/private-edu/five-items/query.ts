import { and, asc, desc, eq, ilike, inArray, notExists, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, textField, type DataScope } from '@hyedu/domain';
import {
  FIVE_ITEMS_EDITABLE,
  FIVE_ITEMS_FILED,
  FIVE_ITEMS_LEVELS,
  fiveItemsOverdue,
  FiveItemsStatus,
  FiveItemsTerm,
  type FiveItemsSettings,
} from '@hyedu/domain/private-edu';
import { Page } from '../../../inputs.ts';
import { contains, scopeCondition } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { privateFiveItemsReturns: r, schools, orgUnits } = tables;

export const FiveItemsFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  term: FiveItemsTerm.optional(),
  status: FiveItemsStatus.optional(),
  compliant: z.boolean({ message: '是否达标应为是或否' }).optional(),
  overdue: z.boolean({ message: '是否逾期应为是或否' }).optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type FiveItemsFilter = z.infer<typeof FiveItemsFilter>;

/** The terms whose due date has passed on `today` (the domain's overdue rule for a return not filed). */
export const termsPastDue = (s: FiveItemsSettings, today: string) =>
  FiveItemsTerm.options.filter((t) => fiveItemsOverdue(null, s.due[t], today));

/** The list's filter as SQL (the list and its export). */
export function fiveItemsWhere(scope: DataScope, f: Omit<FiveItemsFilter, 'page' | 'pageSize'>, s: FiveItemsSettings, today: string) {
  const past = termsPastDue(s, today);
  const overdue = past.length ? and(inArray(r.status, [...FIVE_ITEMS_EDITABLE]), inArray(r.term, past)) : sql`false`;
  return and(
    recordScope(scope, r),
    f.unitCode ? eq(r.unitCode, f.unitCode) : undefined,
    f.term ? eq(r.term, f.term) : undefined,
    f.status ? eq(r.status, f.status) : undefined,
    f.compliant === undefined ? undefined : eq(r.compliant, f.compliant),
    f.overdue === true ? overdue : f.overdue === false ? sql`not (${overdue})` : undefined,
    f.q ? or(ilike(schools.name, contains(f.q)), ilike(schools.code, contains(f.q))) : undefined,
  );
}

/** The returns matching `where`: latest term first, then by county and school code. */
export const fiveItemsRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      schoolId: r.schoolId,
      schoolName: schools.name,
      schoolCode: schools.code,
      unitCode: r.unitCode,
      unitName: orgUnits.name,
      term: r.term,
      status: r.status,
      compliant: r.compliant,
      breaches: r.breaches,
      afterSchoolEnd: r.afterSchoolEnd,
      afterSchoolCovered: r.afterSchoolCovered,
      afterSchoolWilling: r.afterSchoolWilling,
      submittedAt: r.submittedAt,
      version: r.version,
    })
    .from(r)
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.term), asc(orgUnits.sortOrder), asc(schools.code), asc(r.id));

/** The schools a return is due from in the caller's scope: every school teaching compulsory grades. */
export const concernedWhere = (scope: DataScope, unitCode?: string) =>
  and(scopeCondition(scope), inArray(schools.level, [...FIVE_ITEMS_LEVELS]), unitCode ? eq(schools.unitCode, unitCode) : undefined);

/** Concerned schools without a filed (submitted or accepted) return for `term`. */
export const missingWhere = (db: Db, scope: DataScope, term: FiveItemsTerm, unitCode?: string) =>
  and(
    concernedWhere(scope, unitCode),
    notExists(
      db
        .select({ one: sql`1` })
        .from(r)
        .where(and(eq(r.schoolId, schools.id), eq(r.term, term), inArray(r.status, [...FIVE_ITEMS_FILED]))),
    ),
  );
