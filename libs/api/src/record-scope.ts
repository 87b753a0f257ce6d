import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { tables } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import type { Context } from './context.ts';
import { scopeCondition } from './queries.ts';
import { scoped } from './scoped.ts';

const { schools } = tables;

/** The level a caller acts at on a module's records: the whole city, a county's schools, or its own school. */
export function actorLevel(scope: DataScope): 'school' | 'county' | 'city' {
  if (scope.kind === 'all') return 'city';
  if (scope.kind === 'units') return 'county';
  return 'school';
}

/** The scope condition on a module table that carries school_id and unit_code (no join with the registry). */
export function recordScope(scope: DataScope, cols: { schoolId: PgColumn; unitCode: PgColumn }): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'units':
      return scope.unitCodes.length ? inArray(cols.unitCode, scope.unitCodes) : sql`false`;
    case 'school':
      return scope.schoolIds.length ? inArray(cols.schoolId, scope.schoolIds) : sql`false`;
    default:
      return sql`false`;
  }
}

/** A school the caller may enter records for; anything else is NOT_FOUND (another county's school does not exist for them). */
export const schoolInScope = (ctx: Pick<Context, 'db' | 'scope'>, schoolId: number) =>
  scoped('school', schoolId, async () => {
    const [school] = await ctx.db
      .select({
        id: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        level: schools.level,
        isBoarding: schools.isBoarding,
      })
      .from(schools)
      .where(and(eq(schools.id, schoolId), scopeCondition(ctx.scope)));
    return school;
  });
