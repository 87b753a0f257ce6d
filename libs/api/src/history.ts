import { and, asc, eq, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { importTarget, type ImportAudit } from './imports/run.ts';

/**
 * A record's 「操作记录」: its successful audit rows, oldest first (what each changed before and after: a workflow step's
 * states, for the timeline), and — for a record created by an Excel import — the
 * import's one audit record, shown as this record's creation with its file and sheet row. The caller checks first
 * that the record is in the caller's scope (each record type's router has its own history procedure for that reason).
 */
export async function recordHistory(db: Db, targetType: string, id: number) {
  const { auditLog } = tables;
  const columns = {
    id: auditLog.id,
    at: auditLog.at,
    actor: auditLog.actor,
    action: auditLog.action,
    before: auditLog.before,
    after: auditLog.after,
  };
  const [own, imported] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, String(id)), eq(auditLog.result, 'ok')))
      .orderBy(asc(auditLog.id)),
    // Imports of this record type are few; each lists the ids it created as runs [first, last, first row].
    db
      .select(columns)
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetType, importTarget(targetType)),
          eq(auditLog.result, 'ok'),
          sql`exists (select 1 from jsonb_array_elements(${auditLog.after} -> 'ids') r where (r ->> 0)::int <= ${id} and ${id} <= (r ->> 1)::int)`,
        ),
      ),
  ]);
  const fromImport = imported.map((r) => {
    const a = r.after as ImportAudit;
    const run = a.ids.find(([first, last]) => first <= id && id <= last)!;
    return { ...r, before: null, after: { file: a.file, row: run[2] + (id - run[0]), sha256: a.sha256 } };
  });
  return [...fromImport, ...own].sort((a, b) => a.id - b.id).map(({ id: _id, ...r }) => ({ ...r, at: r.at.toISOString() }));
}
