import { writeAudit, type Tx } from '@hyedu/db';
import type { AuthedContext } from './context.ts';

/**
 * What a mutation changed: the action, the record, and its state before and after. An action name is stored vocabulary
 * (the audit page, the CSV and a record's history label it through `AUDIT_ACTIONS`), so it outlives the procedure that
 * writes it: when procedures moved into one sub-router per record type, `safety.reportHazard` stayed the action of
 * `safety.hazards.create`. A refusal names the procedure's path instead (the policy middleware).
 */
export interface Change {
  action: string;
  targetType: string;
  targetId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit record of a successful mutation, written in the mutation's own transaction (both land or neither):
 * the signed-in caller, the request's address, and the change. Refusals are audited by the policy middleware.
 */
export const auditChange = (tx: Tx, ctx: Pick<AuthedContext, 'auditKey' | 'ip' | 'identity'>, change: Change) =>
  writeAudit(tx, ctx.auditKey, {
    ...change,
    targetId: String(change.targetId),
    actor: ctx.identity.username,
    result: 'ok',
    source: ctx.ip,
  });
