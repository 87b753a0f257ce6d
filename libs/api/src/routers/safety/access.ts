import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { tables, type Db } from '@hyedu/db';
import { DEFAULT_SAFETY_SETTINGS, SafetySettings, type DataScope, type SafetyLevel } from '@hyedu/domain';
import type { Context } from '../../context.ts';
import { scopeCondition } from '../../queries.ts';
import { scoped } from '../../scoped.ts';

const { schools, safetySettings } = tables;

/** The level a caller acts at in the module: the whole city, a county's schools, or its own school. */
export function safetyLevel(scope: DataScope): SafetyLevel {
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

/** The city's 4个100% configuration (the domain's defaults until the 安全稳定科 saves one). */
export async function loadSettings(
  db: Db,
): Promise<SafetySettings & { version: number; updatedBy: string | null; updatedAt: Date | null }> {
  const [row] = await db.select().from(safetySettings).where(eq(safetySettings.id, 1));
  if (!row) return { ...DEFAULT_SAFETY_SETTINGS, version: 0, updatedBy: null, updatedAt: null };
  const parsed = SafetySettings.safeParse({ fourth: row.fourth, norm: row.norm });
  return {
    ...(parsed.success ? parsed.data : DEFAULT_SAFETY_SETTINGS),
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

export { conflict } from '../../workflow-step.ts';
