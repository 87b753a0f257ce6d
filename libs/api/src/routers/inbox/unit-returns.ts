import { and, asc, count, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { tables } from '@hyedu/db';
import type { ActorLevel, Workflow } from '@hyedu/domain';
import { actorLevel } from '../../record-scope.ts';
import { unitRecordScope } from '../funding/access.ts';
import { awaitingSql } from './rules.ts';
import type { Asker } from './sources.ts';

const { orgUnits } = tables;

/** A table of returns one county-level unit files per year (决算, 工资保障情况表): the columns the inbox reads. */
export interface UnitReturnTable {
  table: PgTable;
  id: PgColumn;
  status: PgColumn;
  submittedBy: PgColumn;
  unitCode: PgColumn;
  year: PgColumn;
}

/**
 * The returns of `t` awaiting the caller under `wf` — a county its own drafts and returned ones, the city's 科室 those
 * to review (never its own submissions) — counted, and the first `limit` by year, unit and id. null for a school or
 * when nothing of the workflow awaits the caller's level.
 */
export async function unitReturnsAwaiting<S extends string, A extends string>(
  a: Asker,
  limit: number,
  wf: Workflow<S, A>,
  t: UnitReturnTable,
): Promise<{ level: ActorLevel; total: number; rows: { id: number; unit: string; year: number; status: S }[] } | null> {
  const level = actorLevel(a.scope);
  if (level === 'school') return null;
  const awaiting = awaitingSql(wf, level, { state: t.status, submittedBy: t.submittedBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, unitRecordScope(a.scope, t.unitCode));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(t.table).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: t.id, unit: orgUnits.name, year: t.year, status: t.status })
          .from(t.table)
          .innerJoin(orgUnits, eq(orgUnits.code, t.unitCode))
          .where(where)
          .orderBy(asc(t.year), asc(orgUnits.sortOrder), asc(t.id))
          .limit(limit),
  ]);
  return { level, total: Number(n[0]?.n ?? 0), rows: rows as { id: number; unit: string; year: number; status: S }[] };
}
