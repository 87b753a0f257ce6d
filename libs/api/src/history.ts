import { and, asc, eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';

/**
 * A record's 「操作记录」: its successful audit rows, oldest first. The caller checks first that the record is in
 * the caller's scope (each record type's router has its own history procedure for that reason).
 */
export async function recordHistory(db: Db, targetType: string, id: number) {
  const { auditLog } = tables;
  const rows = await db
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, String(id)), eq(auditLog.result, 'ok')))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
