import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { authorize, type DataScope } from '@hyedu/domain';
import type { AuthedContext } from '../../../context.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { cityCode } from '../../plan/access.ts';

const { fundingDropoutCases: c } = tables;
export const DROPOUT_TARGET = 'funding_dropout_case';
export const DROPOUT_RETURN_TARGET = 'funding_dropout_return';
export const MIGRANT_TARGET = 'funding_migrant_figures';
/** The binding of a child's encrypted ID number to its blind index. */
export const dropoutCipherId = (idIndex: string) => `${DROPOUT_TARGET}:${idIndex}`;

/**
 * Children's names and ID numbers are personal data: shown to the accounts that keep the ledger — the school, its
 * county, the city's 科室 (who may write the module) — and masked for everyone else who reads the module (leadership).
 */
export const seesPersons = (ctx: Pick<AuthedContext, 'identity'>) =>
  authorize(ctx.identity.grants, { area: 'funding', action: 'write' }).allowed;
/** 张三丰 → 张**. */
export const maskName = (name: string) => (name.length <= 1 ? '*' : `${[...name][0]}${'*'.repeat([...name].length - 1)}`);

/** The ledger's scope: the city every case, a county its schools', a school its own (cases carry school and unit). */
export const caseScope = (scope: DataScope) => recordScope(scope, c);

type Ctx = Pick<AuthedContext, 'db' | 'scope'>;
/** A case in the caller's scope, or the one NOT_FOUND. */
export const visibleCase = (ctx: Ctx, id: number) =>
  scoped(
    DROPOUT_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(c)
          .where(and(eq(c.id, id), caseScope(ctx.scope)))
      )[0],
  );

/**
 * The county keeps the ledger of its schools; the city's 科室 acts only for the schools it runs directly (市直, the
 * city's code); a school for itself (its scope). Anything else is FORBIDDEN (after the scope's NOT_FOUND).
 */
export async function actsOn(ctx: Pick<AuthedContext, 'db' | 'scope'>, unitCode: string): Promise<void> {
  if (actorLevel(ctx.scope) === 'city' && unitCode !== (await cityCode(ctx.db)))
    throw new TRPCError({ code: 'FORBIDDEN', message: '控辍保学台账由学校所在县市区教育局办理，市教育局办理市直学校的台账' });
}
/** Whether the caller acts on a case of `unitCode` (the pages show steps only then). */
export const actsOnUnit = async (db: Db, scope: DataScope, unitCode: string) =>
  actorLevel(scope) !== 'city' || unitCode === (await cityCode(db));
