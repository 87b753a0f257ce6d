import { TRPCError } from '@trpc/server';
import { eq, getTableColumns, type InferInsertModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '@hyedu/db';
import type { Actor, CaseRecord, Workflow } from '@hyedu/domain';
import { auditChange } from './audit-change.ts';
import type { AuthedContext } from './context.ts';
import { fieldError } from './field-error.ts';

/** Someone else changed the record since the caller read it (its version moved on). */
export const conflict = () => new TRPCError({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });

/** A table a workflow runs on: an id, a version for concurrent changes, and one column holding the state. */
export type CaseTable = PgTable & { id: PgColumn; version: PgColumn };
export type Row<T extends CaseTable> = T['$inferSelect'] & { id: number; version: number };

/** A step is taken by the signed-in caller; the audit record names them. */
export type StepContext = Pick<AuthedContext, 'db' | 'auditKey' | 'ip' | 'now' | 'identity'>;

export interface StepOptions<S extends string, A extends string, T extends CaseTable> {
  wf: Workflow<S, A>;
  table: T;
  /** The property of the table that holds the workflow's state. */
  stateKey: keyof T['$inferSelect'] & string;
  id: number;
  /** The version the caller saw; another one means someone changed the record meanwhile (CONFLICT). */
  expectedVersion: number;
  action: A;
  actor: Actor;
  reason?: string | null;
  /** The record as the workflow sees it (its submitter and the fields steps may need). */
  caseOf: (row: Row<T>) => CaseRecord<S>;
  /** How many files an evidence slot of the record holds, for steps that require evidence. */
  evidence?: (tx: Tx, slot: string) => Promise<number>;
  /** The form field a missing-evidence refusal is shown on, per slot (default: the slot's name). */
  evidenceField?: (slot: string) => string;
  /** Columns the step sets besides the state and the version (who, when, the reason…). */
  changes?: (row: Row<T>, to: S) => Partial<InferInsertModel<T>>;
  /** Other rows the step writes, in its transaction (an incident's chain entry). */
  also?: (tx: Tx, row: Row<T>, to: S) => Promise<unknown>;
  /** The audit record: its target type, action name (default `<workflow key>.<step>`) and what it shows before and after. */
  audit: {
    targetType: string;
    action?: string;
    before?: (row: Row<T>) => Record<string, unknown>;
    after?: (row: Row<T>, to: S) => Record<string, unknown>;
  };
}

/**
 * Takes one step of a workflow on one record, the same way for every record type: under a row lock, refuses a stale
 * version (CONFLICT: two reviewers closing at once → one wins), asks the workflow whether this actor may take the step
 * with these inputs (not this level's step: FORBIDDEN; a missing reason or evidence: a field-level 400; any other
 * refusal: CONFLICT; each with the workflow's Chinese text), sets the next state, bumps the version and writes the audit record in the same
 * transaction; the record's 「操作记录」 is read from those audit records. The caller has already checked that the
 * record is in the caller's scope (a foreign id is NOT_FOUND there, and audited).
 */
export async function applyStep<S extends string, A extends string, T extends CaseTable>(
  ctx: StepContext,
  o: StepOptions<S, A, T>,
): Promise<{ version: number; state: S }> {
  const columns = getTableColumns(o.table) as Record<string, PgColumn>;
  const stateColumn = columns[o.stateKey];
  if (!stateColumn) throw new Error(`${o.wf.key}: no column ${o.stateKey}`);
  return ctx.db.transaction(async (tx) => {
    const [row] = (await tx
      .select()
      .from(o.table as PgTable)
      .where(eq(o.table.id, o.id))
      .for('update')) as Row<T>[];
    if (!row || row.version !== o.expectedVersion) throw conflict();
    const record = o.caseOf(row);
    const slot = o.wf.steps[o.action].evidence?.slot;
    const given = { reason: o.reason, files: slot ? { [slot]: o.evidence ? await o.evidence(tx, slot) : 0 } : undefined };
    const refusal = o.wf.refusalOf(record, o.action, o.actor, given);
    if (refusal?.kind === 'input')
      throw fieldError(refusal.field === slot && slot ? (o.evidenceField?.(slot) ?? slot) : refusal.field!, refusal.message);
    if (refusal) throw new TRPCError({ code: refusal.kind === 'level' ? 'FORBIDDEN' : 'CONFLICT', message: refusal.message });
    const to = o.wf.next(o.action, record.state);
    const values = { ...o.changes?.(row, to), [o.stateKey]: to, version: row.version + 1 };
    const [updated] = (await tx
      .update(o.table)
      .set(values as never)
      .where(eq(o.table.id, o.id))
      .returning({ version: o.table.version, state: stateColumn })) as { version: number; state: S }[];
    await o.also?.(tx, row, to);
    await auditChange(tx, ctx, {
      action: o.audit.action ?? `${o.wf.key}.${o.action}`,
      targetType: o.audit.targetType,
      targetId: o.id,
      before: o.audit.before?.(row) ?? { [o.stateKey]: record.state },
      after: o.audit.after?.(row, to) ?? { [o.stateKey]: to, ...(o.reason ? { reason: o.reason } : {}) },
    });
    return updated!;
  });
}
