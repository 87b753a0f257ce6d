import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DataScope } from '@hyedu/domain';

/**
 * The funding module's records belong to a budget unit (a 县市区, 高新区, or the city itself for 市本级 and 局直 projects),
 * not to a school: the city's 科室 sees every unit, a county its own, a school none.
 */
export function unitRecordScope(scope: DataScope, unitCode: PgColumn): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'units':
      return scope.unitCodes.length ? inArray(unitCode, scope.unitCodes) : sql`false`;
    default:
      return sql`false`;
  }
}

/** Whether the caller's scope covers a unit (a county only its own; the city every unit). */
export function unitInScope(scope: DataScope, unitCode: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'units') return scope.unitCodes.includes(unitCode);
  return false;
}
