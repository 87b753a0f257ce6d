import type { Tx } from '@hyedu/db';
import type { CaseRecord, Workflow } from '@hyedu/domain';
import type { InspectionAuthority } from '@hyedu/domain/private-edu';
import type { AuthedContext } from '../../context.ts';
import { actorLevel, type recordScope } from '../../record-scope.ts';
import { applyStep, type CaseTable, type Row } from '../../workflow-step.ts';
import { actsAsAuthority } from './inspection-access.ts';

type Ctx = AuthedContext & { scope: Parameters<typeof recordScope>[0] };

/**
 * The step of a case the school applies for and its approving authority decides (办学许可事项, 普惠性民办园认定): the
 * case in the caller's scope (`visible`: NOT_FOUND otherwise), a bureau level only as the case's authority (FORBIDDEN
 * naming the matter), a reason of at least two characters, then `applyStep`.
 */
export function authorityStep<S extends string, A extends string, T extends CaseTable>(o: {
  wf: Workflow<S, A>;
  table: T;
  stateKey: keyof T['$inferSelect'] & string;
  target: string;
  matter: string;
  caseOf: (row: Row<T>) => CaseRecord<S>;
  authorityOf: (row: Row<T>) => InspectionAuthority;
  visible: (ctx: Ctx, id: number) => Promise<Row<T>>;
}) {
  return async (
    ctx: Ctx,
    input: { id: number; expectedVersion: number; reason?: string },
    action: A,
    changes: (row: Row<T>) => Partial<Row<T>>,
    also?: (tx: Tx, row: Row<T>) => Promise<unknown>,
  ) => {
    const row = await o.visible(ctx, input.id);
    if (actorLevel(ctx.scope) !== 'school') actsAsAuthority(ctx.scope, o.authorityOf(row), o.matter);
    return applyStep(ctx, {
      wf: o.wf,
      table: o.table,
      stateKey: o.stateKey,
      id: input.id,
      expectedVersion: input.expectedVersion,
      action,
      reason: input.reason,
      actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
      caseOf: o.caseOf,
      changes,
      also,
      audit: { targetType: o.target },
    });
  };
}
