import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, PlanYear, SchoolRef, type DataScope } from '@hyedu/domain';
import {
  arrivalRate,
  obligationStanding,
  Programme,
  ProgrammePersonStatus,
  ProgrammeQuery,
  PROGRAMMES,
  type ObligationStanding,
} from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { containsText, listUnits } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';

const { teacherProgrammeQuotas: q, teacherProgrammePersons: p, schools, orgUnits } = tables;

/** The ID number's cipher is bound to the person's blind index (as the registry binds its own). */
export const personCipherId = (idIndex: string) => `teacher_programme_persons:${idIndex}`;

/** The summary's filter: the plan year (default: the business date's) and a county. */
export const SummaryFilter = z.object({ year: PlanYear.optional(), unitCode: DivisionCode.optional() }).strict();
export const yearOf = (input: { year?: number }, today: string) => input.year ?? Number(today.slice(0, 4));

export const PersonFilter = Page.extend({
  programme: Programme.optional(),
  year: PlanYear.optional(),
  unitCode: DivisionCode.optional(),
  schoolId: SchoolRef.optional(),
  status: ProgrammePersonStatus.optional(),
  /** Obligations ending in this calendar year (serving people whose end falls in the year of the business date). */
  endingThisYear: z.boolean({ message: '本年度服务期满应为是或否' }).optional(),
  q: ProgrammeQuery.optional(),
}).strict();
export type PersonFilter = z.infer<typeof PersonFilter>;

/** Serving people whose obligation ends within the calendar year of `today`. */
export const endingIn = (today: string) =>
  and(eq(p.status, 'arrived'), sql`${p.obligationEndsOn} between ${`${today.slice(0, 4)}-01-01`} and ${`${today.slice(0, 4)}-12-31`}`);

/** The list's filter as SQL (the list and its export). */
export const personWhere = (scope: DataScope, f: Omit<PersonFilter, 'page' | 'pageSize'>, today: string) =>
  and(
    recordScope(scope, p),
    f.programme ? eq(p.programme, f.programme) : undefined,
    f.year ? eq(p.year, f.year) : undefined,
    f.unitCode ? eq(p.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(p.schoolId, f.schoolId) : undefined,
    f.status ? eq(p.status, f.status) : undefined,
    f.endingThisYear ? endingIn(today) : undefined,
    f.q ? containsText(p.name, f.q) : undefined,
  );

/** The people matching `where`: latest year first, then by county, school and id. */
export const personRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: p.id,
      programme: p.programme,
      year: p.year,
      unitCode: p.unitCode,
      unitName: orgUnits.name,
      schoolId: p.schoolId,
      schoolName: schools.name,
      staffId: p.staffId,
      name: p.name,
      idIndex: p.idIndex,
      idCipher: p.idCipher,
      status: p.status,
      arrivedOn: p.arrivedOn,
      serviceStartOn: p.serviceStartOn,
      obligationEndsOn: p.obligationEndsOn,
      leftOn: p.leftOn,
      leftReason: p.leftReason,
      version: p.version,
    })
    .from(p)
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, p.unitCode))
    .where(where)
    .orderBy(desc(p.year), asc(orgUnits.sortOrder), asc(p.schoolId), asc(p.id));

export const standingOf = (r: { serviceStartOn: string | null; obligationEndsOn: string | null; leftOn: string | null }, today: string) =>
  obligationStanding(r, today) satisfies ObligationStanding;

/**
 * The summary per county for a plan year: per programme the number planned (the quota) and arrived, 到岗率; and across
 * every year's people, the obligations ending this calendar year and the breaches (提前离岗).
 */
export async function programmeSummary(db: Db, scope: DataScope, year: number, today: string, unitCode?: string) {
  const units = (await listUnits(db, scope)).filter((u) => !unitCode || u.code === unitCode);
  const codes = units.map((u) => u.code);
  if (!codes.length) return [];
  const [quotas, arrived, other] = await Promise.all([
    db
      .select()
      .from(q)
      .where(and(eq(q.year, year), inArray(q.unitCode, codes))),
    db
      .select({ unitCode: p.unitCode, programme: p.programme, n: sql<number>`count(*) filter (where ${p.arrivedOn} is not null)::int` })
      .from(p)
      .where(and(eq(p.year, year), inArray(p.unitCode, codes), recordScope(scope, p)))
      .groupBy(p.unitCode, p.programme),
    db
      .select({
        unitCode: p.unitCode,
        ending: sql<number>`count(*) filter (where ${endingIn(today)})::int`,
        breaches: sql<number>`count(*) filter (where ${p.status} = 'left')::int`,
      })
      .from(p)
      .where(and(inArray(p.unitCode, codes), recordScope(scope, p)))
      .groupBy(p.unitCode),
  ]);
  return units.map((u) => {
    const programmes = Programme.options.map((programme) => {
      const quota = quotas.find((x) => x.unitCode === u.code && x.programme === programme);
      const planned = quota?.planned ?? 0;
      const n = arrived.find((x) => x.unitCode === u.code && x.programme === programme)?.n ?? 0;
      return {
        programme,
        label: PROGRAMMES[programme].zh,
        planned,
        arrived: n,
        rate: arrivalRate(n, planned),
        version: quota?.version ?? 0,
      };
    });
    const planned = programmes.reduce((s, x) => s + x.planned, 0);
    const n = programmes.reduce((s, x) => s + x.arrived, 0);
    const o = other.find((x) => x.unitCode === u.code);
    return {
      unitCode: u.code,
      unitName: u.name,
      programmes,
      planned,
      arrived: n,
      rate: arrivalRate(n, planned),
      endingThisYear: o?.ending ?? 0,
      breaches: o?.breaches ?? 0,
    };
  });
}
