import { and, asc, eq, ne } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { actorLevel } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { unitInScope, unitRecordScope } from '../../funding/access.ts';

const { orgUnits } = tables;

/**
 * The units that file a pay return: the county-level units (县市区 and 高新区) in the caller's scope — a county its own,
 * the city all, a school none. 市本级 is the 督查 body and files none.
 */
export const payUnits = (db: Db, scope: DataScope, unitCode?: string) =>
  db
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(ne(orgUnits.kind, 'city'), unitRecordScope(scope, orgUnits.code), unitCode ? eq(orgUnits.code, unitCode) : undefined))
    .orderBy(asc(orgUnits.sortOrder));

/** A unit the caller may enter for: a county its own (another, and any for a school, is NOT_FOUND, audited), the city any filing unit. */
export async function unitToEnter(ctx: Pick<AuthedContext, 'db' | 'scope'>, unitCode: string) {
  if (!unitInScope(ctx.scope, unitCode)) throw notFound('org_unit', unitCode);
  const [unit] = await payUnits(ctx.db, ctx.scope, unitCode);
  if (!unit)
    throw actorLevel(ctx.scope) === 'city'
      ? fieldError('unitCode', '该单位不是填报教师工资保障情况的县市区')
      : notFound('org_unit', unitCode);
  return unit;
}
