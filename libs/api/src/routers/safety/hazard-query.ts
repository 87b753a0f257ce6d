import { and, asc, count, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { tables, type Db } from '@hyedu/db';
import type { Context } from '../../context.ts';
import { afterKey, nextCursor, readCursor, type KeyPart } from '../../keyset.ts';
import { contains } from '../../queries.ts';
import { recordScope } from './access.ts';
import type { HazardFilter } from './inputs.ts';
import { notOverdueSql, overdueSql } from './overdue.ts';

const { safetyHazards: h, schools, orgUnits } = tables;

/** The hazards a caller may see, filtered: the one condition the list, its export and its counts share. */
export function hazardWhere(ctx: Pick<Context, 'scope' | 'now' | 'today'>, f: Partial<HazardFilter>): SQL | undefined {
  const today = ctx.today;
  const pattern = f.q ? contains(f.q) : undefined;
  return and(
    recordScope(ctx.scope, h),
    f.unitCode ? eq(h.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(h.schoolId, f.schoolId) : undefined,
    f.status ? eq(h.status, f.status) : undefined,
    f.severity ? eq(h.severity, f.severity) : undefined,
    f.category ? eq(h.category, f.category) : undefined,
    f.source ? eq(h.source, f.source) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? overdueSql(today) : notOverdueSql(today),
    pattern ? or(match(h.description, pattern), sql`${h.schoolId} = any(array(${schoolsNamed(pattern)}))`) : undefined,
  );
}

/**
 * The schools whose name matches, as a list the hazards' school index is probed with: with the description's trigram
 * index the two conditions combine (BitmapOr) without joining the registry to every hazard.
 */
const schoolsNamed = (pattern: string) => sql`select ${schools.id} from ${schools} where ${match(schools.name, pattern)}`;

/**
 * Chinese text has no case: a term without Latin letters is matched with LIKE, which PostgreSQL runs several times
 * faster than ILIKE over 50,000 descriptions; a term with Latin letters keeps case-insensitive ILIKE.
 */
const match = (col: PgColumn, pattern: string) => (/[A-Za-z]/.test(pattern) ? ilike(col, pattern) : like(col, pattern));

export const hazardColumns = {
  id: h.id,
  schoolId: h.schoolId,
  schoolName: schools.name,
  schoolCode: schools.code,
  unitCode: h.unitCode,
  unitName: orgUnits.name,
  source: h.source,
  category: h.category,
  severity: h.severity,
  foundOn: h.foundOn,
  location: h.location,
  description: h.description,
  responsiblePerson: h.responsiblePerson,
  deadline: h.deadline,
  measures: h.measures,
  status: h.status,
  returns: h.returns,
  returnReason: h.returnReason,
  submittedAt: h.submittedAt,
  submittedBy: h.submittedBy,
  version: h.version,
};

/** The list's order, newest first and 重大 first within a day: also the key a long list pages by. */
const HAZARD_KEY: KeyPart[] = [
  { column: h.foundOn, desc: true, kind: 'string' },
  { column: h.severity, desc: false, kind: 'string' },
  { column: h.id, desc: true, kind: 'number' },
];

/**
 * One page of hazards and the total. With `after` (the previous page's last key) the page starts after that row;
 * otherwise at its offset. `next` is the key of this page's last row, for the page after it.
 */
export async function listHazards(db: Db, where: SQL | undefined, page: { page: number; pageSize: number; q?: string; after?: string }) {
  const after = readCursor(page.after, HAZARD_KEY);
  const base = () =>
    db.select(hazardColumns).from(h).innerJoin(schools, eq(schools.id, h.schoolId)).innerJoin(orgUnits, eq(orgUnits.code, h.unitCode));
  const counted = db.select({ n: count() }).from(h);
  const [rows, [total]] = await Promise.all([
    after
      ? base()
          .where(and(where, afterKey(HAZARD_KEY, after)))
          .orderBy(desc(h.foundOn), asc(h.severity), desc(h.id))
          .limit(page.pageSize)
      : base()
          .where(where)
          .orderBy(desc(h.foundOn), asc(h.severity), desc(h.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
    counted.where(where),
  ]);
  return { rows, total: total?.n ?? 0, next: nextCursor(rows, page.pageSize, (r) => [r.foundOn, r.severity, r.id]) };
}

export const hazardRowsForExport = (db: Db, where: SQL | undefined, max: number) =>
  db
    .select(hazardColumns)
    .from(h)
    .innerJoin(schools, eq(schools.id, h.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, h.unitCode))
    .where(where)
    .orderBy(desc(h.foundOn), desc(h.id))
    .limit(max);
