import { and, asc, count, eq, ilike, inArray, like, sql, type Column, type SQL } from 'drizzle-orm';
import { SEED_SCHOOL_YEAR, tables, type Db } from '@hyedu/db';
import { scopeLabel, type DataScope } from '@hyedu/domain';
import type { SchoolFilter } from './inputs.ts';

const { schools, schoolEnrolment, orgUnits } = tables;

/** The school year the registry figures refer to. */
export const CURRENT_SCHOOL_YEAR = SEED_SCHOOL_YEAR;

/** Students per school in the current school year, as a subquery. */
export function studentsPerSchool(db: Db) {
  return db
    .select({ schoolId: schoolEnrolment.schoolId, students: sql<number>`sum(${schoolEnrolment.students})::int`.as('students') })
    .from(schoolEnrolment)
    .where(eq(schoolEnrolment.schoolYear, CURRENT_SCHOOL_YEAR))
    .groupBy(schoolEnrolment.schoolId)
    .as('sps');
}

/** A LIKE pattern that finds `text` anywhere, with %, _ and \\ taken literally (a search for '%' finds a '%'). */
export const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `column` contains `text`, case-insensitively. Text without letter case (a Chinese name) is matched with LIKE: the same
 * rows as ILIKE, at a third of the cost over a large table (ILIKE folds every row's case first).
 */
export const containsText = (column: Column, text: string): SQL =>
  text.toLowerCase() === text.toUpperCase() ? like(column, contains(text)) : ilike(column, contains(text));

/**
 * The data-scope condition on schools. Every query over schools (and what hangs off them) goes through
 * schoolWhere(), which requires a scope: a query cannot forget the county filter. 'none' matches nothing.
 */
export function scopeCondition(scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'units':
      return scope.unitCodes.length ? inArray(schools.unitCode, scope.unitCodes) : sql`false`;
    case 'school':
      return scope.schoolIds.length ? inArray(schools.id, scope.schoolIds) : sql`false`;
    default:
      return sql`false`;
  }
}

export function schoolWhere(scope: DataScope, f: Partial<SchoolFilter> = {}): SQL | undefined {
  const pattern = f.q ? contains(f.q) : undefined;
  return and(
    scopeCondition(scope),
    f.unitCode ? eq(schools.unitCode, f.unitCode) : undefined,
    f.level ? eq(schools.level, f.level) : undefined,
    f.ownership ? eq(schools.ownership, f.ownership) : undefined,
    f.boarding === undefined ? undefined : eq(schools.isBoarding, f.boarding),
    pattern ? ilike(schools.name, pattern) : undefined,
  );
}

/** One page of schools with their student numbers, plus the total count. */
export async function listSchools(db: Db, scope: DataScope, f: SchoolFilter) {
  const sps = studentsPerSchool(db);
  const where = schoolWhere(scope, f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        unitName: orgUnits.name,
        town: schools.town,
        level: schools.level,
        ownership: schools.ownership,
        isBoarding: schools.isBoarding,
        isRural: schools.isRural,
        students: sql<number>`coalesce(${sps.students}, 0)`,
      })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .leftJoin(sps, eq(sps.schoolId, schools.id))
      .where(where)
      .orderBy(asc(orgUnits.sortOrder), asc(schools.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(schools).where(where),
  ]);
  return { total: total?.n ?? 0, page: f.page, pageSize: f.pageSize, rows };
}

/** The units a scope may see, in display order (the city first: its bucket holds the 局直 schools). */
export function listUnits(db: Db, scope: DataScope) {
  const codes = scope.kind === 'units' || scope.kind === 'school' ? scope.unitCodes : null;
  return db
    .select({ code: orgUnits.code, name: orgUnits.name, bureauName: orgUnits.bureauName, kind: orgUnits.kind })
    .from(orgUnits)
    .where(scope.kind === 'none' ? sql`false` : codes ? (codes.length ? inArray(orgUnits.code, codes) : sql`false`) : undefined)
    .orderBy(asc(orgUnits.sortOrder));
}

/** The 「数据范围」 label of a scope, with unit names (for exports' title lines). */
export async function scopeText(db: Db, scope: DataScope, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<string> {
  const units = await db.select({ code: orgUnits.code, bureauName: orgUnits.bureauName }).from(orgUnits);
  return scopeLabel(scope, (code) => units.find((u) => u.code === code)?.bureauName, locale);
}
