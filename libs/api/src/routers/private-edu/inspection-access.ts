import { TRPCError } from '@trpc/server';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@hyedu/db';
import { authorize, departmentsOf, type DataScope, type Grant } from '@hyedu/domain';
import { authorityRefusal, type InspectionAuthority } from '@hyedu/domain/private-edu';
import type { AuthedContext } from '../../context.ts';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { conflict } from '../../workflow-step.ts';

const { privateInspections: r, privateInspectionOpinions: o, departments } = tables;
export const TARGET = 'private_inspection';

/** Whether the caller may change anything in the module (a leader reads only). */
export const canWrite = (grants: readonly Grant[]) => authorize(grants, { area: 'private-edu', action: 'write' }).allowed;

/** An inspection in the caller's scope, or the one NOT_FOUND. */
export const visibleInspection = (ctx: { db: Db; scope: DataScope }, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), recordScope(ctx.scope, r)))
      )[0],
  );

/** The bureau level of the caller must be the school's approving authority (a school acts on its own inspection or licence case). */
export function actsAsAuthority(scope: DataScope, authority: InspectionAuthority, matter?: string): void {
  const refusal = authorityRefusal(actorLevel(scope), authority, matter);
  if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
}

/** The inspection under a row lock at the version the caller saw, else the CONFLICT of a concurrent change. */
export async function lockInspection(tx: Tx, id: number, expectedVersion?: number) {
  const [row] = await tx.select().from(r).where(eq(r.id, id)).for('update');
  if (!row || (expectedVersion !== undefined && row.version !== expectedVersion)) throw conflict();
  return row;
}

/** The asked 科室 of an inspection with their answers, in the bureau's order of departments. */
export const opinionsOf = (db: Db | Tx, id: number) =>
  db
    .select({
      dept: o.dept,
      name: departments.name,
      verdict: o.verdict,
      comment: o.comment,
      answeredBy: o.answeredBy,
      answeredAt: o.answeredAt,
    })
    .from(o)
    .innerJoin(departments, eq(departments.key, o.dept))
    .where(eq(o.inspectionId, id))
    .orderBy(asc(departments.sortOrder));

/**
 * The 联审 path's one access rule: a signed-in 科室 account whose department is among those the inspection asked.
 * Anyone else (another 科室, a county, a school, a 科室 asked nothing) gets the one NOT_FOUND, audited as a refusal;
 * this gives the 科室 nothing else of the module.
 */
export const askedInspection = (ctx: Pick<AuthedContext, 'db' | 'identity'>, id: number) =>
  scoped(TARGET, id, async () => {
    const mine = departmentsOf(ctx.identity.grants);
    if (!mine.length) return undefined;
    const asked = await ctx.db
      .select({ dept: o.dept })
      .from(o)
      .where(and(eq(o.inspectionId, id), inArray(o.dept, mine)));
    return asked.length ? asked.map((a) => a.dept) : undefined;
  });
