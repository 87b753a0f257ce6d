import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@hyedu/db';
import { authorize, type DataScope, type Grant } from '@hyedu/domain';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { conflict } from '../../workflow-step.ts';

const { privateConversions: r } = tables;
export const TARGET = 'private_conversion';
export const TEACHER_TARGET = 'private_conversion_teacher';

/** Whether the caller may change anything in the module (a leader reads only). */
export const canWrite = (grants: readonly Grant[]) => authorize(grants, { area: 'private-edu', action: 'write' }).allowed;

/** A case in the caller's scope, or the one NOT_FOUND (another county's case does not exist for them). */
export const visibleCase = (ctx: { db: Db; scope: DataScope }, id: number) =>
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

/** The county and the city act on a case; a school only reads its own. */
export function bureauOnly(scope: DataScope): 'county' | 'city' {
  const level = actorLevel(scope);
  if (level === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '学校只能查看本校的公参民治理案，由县市区教育局登记和办理' });
  return level;
}

/** The case under a row lock at the version the caller saw, else the CONFLICT of a concurrent change. */
export async function lockCase(tx: Tx, id: number, expectedVersion?: number) {
  const [row] = await tx.select().from(r).where(eq(r.id, id)).for('update');
  if (!row || (expectedVersion !== undefined && row.version !== expectedVersion)) throw conflict();
  return row;
}
