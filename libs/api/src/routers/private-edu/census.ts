import { and, eq, inArray, max, ne, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { type DataScope } from '@hyedu/domain';
import {
  DEFAULT_PURCHASED_SEATS_COUNT_AS,
  leverEffect,
  type LeverKind,
  type LeverStatus,
  type PurchasedSeatsCountAs,
  type ShareCounts,
} from '@hyedu/domain/private-edu';
import { schoolWhere } from '../../queries.ts';

const { schools, schoolCensus, privateSettings, privateLevers } = tables;

/** The census years on record, oldest first. */
export async function censusYears(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ y: schoolCensus.schoolYear }).from(schoolCensus).orderBy(schoolCensus.schoolYear);
  return rows.map((r) => r.y);
}

/** The latest census on record (the KPI's figure), or null before any. */
export async function latestCensus(db: Db): Promise<string | null> {
  const [row] = await db.select({ y: max(schoolCensus.schoolYear) }).from(schoolCensus);
  return row?.y ?? null;
}

/** The city's counting rule for government-bought seats (absent → the domain's default). */
export async function countingRule(db: Db): Promise<PurchasedSeatsCountAs> {
  const [row] = await db.select({ v: privateSettings.purchasedSeatsCountAs }).from(privateSettings);
  return row?.v ?? DEFAULT_PURCHASED_SEATS_COUNT_AS;
}

/**
 * The share's counts per census and unit, summed in the database in one statement over the census rows: each school's
 * compulsory pupils in a census (stored on its census row), its ownership that year, and (under the `public` rule) its
 * bought seats out of the private count, at most its own pupils. `years` absent: every census on record.
 */
export async function censusCounts(
  db: Db,
  scope: DataScope,
  rule: PurchasedSeatsCountAs,
  years?: readonly string[],
): Promise<Map<string, Map<string, ShareCounts>>> {
  const pupils = schoolCensus.compulsoryPupils;
  const privatePupils = rule === 'public' ? sql`${pupils} - least(${schoolCensus.purchasedSeats}, ${pupils})` : sql`${pupils}`;
  const rows = await db
    .select({
      year: schoolCensus.schoolYear,
      unitCode: schools.unitCode,
      totalStudents: sql<number>`coalesce(sum(${pupils}), 0)::int`,
      privateStudents: sql<number>`coalesce(sum(${privatePupils}) filter (where ${schoolCensus.ownership} = 'private'), 0)::int`,
    })
    .from(schoolCensus)
    .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
    .where(and(years ? inArray(schoolCensus.schoolYear, [...years]) : undefined, schoolWhere(scope)))
    .groupBy(schoolCensus.schoolYear, schools.unitCode);
  const out = new Map<string, Map<string, ShareCounts>>();
  for (const r of rows) {
    const year = out.get(r.year) ?? new Map<string, ShareCounts>();
    year.set(r.unitCode, { privateStudents: r.privateStudents, totalStudents: r.totalStudents });
    out.set(r.year, year);
  }
  return out;
}

/** The share's counts per unit in one census. */
export async function unitCounts(db: Db, scope: DataScope, year: string, rule: PurchasedSeatsCountAs): Promise<Map<string, ShareCounts>> {
  return (await censusCounts(db, scope, rule, [year])).get(year) ?? new Map();
}

/** Compulsory pupils of some schools in one census (a school without a census row that year is absent). */
export async function schoolPupils(db: Db, year: string, schoolIds: number[]): Promise<Map<number, number>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await db
    .select({ id: schoolCensus.schoolId, n: schoolCensus.compulsoryPupils })
    .from(schoolCensus)
    .where(and(eq(schoolCensus.schoolYear, year), inArray(schoolCensus.schoolId, schoolIds)));
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface LeverForecast {
  id: number;
  schoolId: number;
  schoolName: string;
  unitCode: string;
  kind: LeverKind;
  status: LeverStatus;
  plannedYear: string;
  doneOn: string | null;
  students: number | null;
  /** Pupils it takes out of the private count, measured on the census it is projected from. */
  effect: number;
}

/** The levers of the scope (not dropped) with their effect measured on `year`'s census. */
export async function leverForecasts(db: Db, scope: DataScope, year: string, rule: PurchasedSeatsCountAs): Promise<LeverForecast[]> {
  const rows = await db
    .select({
      id: privateLevers.id,
      schoolId: privateLevers.schoolId,
      schoolName: schools.name,
      unitCode: privateLevers.unitCode,
      kind: privateLevers.kind,
      status: privateLevers.status,
      plannedYear: privateLevers.plannedYear,
      doneOn: privateLevers.doneOn,
      students: privateLevers.students,
    })
    .from(privateLevers)
    .innerJoin(schools, eq(schools.id, privateLevers.schoolId))
    .where(and(ne(privateLevers.status, 'dropped'), schoolWhere(scope)));
  const pupils = await schoolPupils(db, year, [...new Set(rows.map((r) => r.schoolId))]);
  return rows.map((r) => ({ ...r, effect: leverEffect(r, pupils.get(r.schoolId) ?? 0, rule) }));
}
