import { eq } from 'drizzle-orm';
import { ModuleManifestUpdate, type ModuleKey } from '@hyedu/domain';
import type { Db } from './client.ts';
import { auditLog, modules } from './schema/index.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  result: 'ok' | 'denied' | 'error';
  source: string;
}

/** Appends one audit row; call inside the mutation's transaction. */
export async function writeAudit(tx: Tx | Db, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...e, before: e.before ?? null, after: e.after ?? null });
}

/**
 * Changes where (or whether) the portal loads a module. Validated, transactional and audited.
 * Returns the row after the change; throws if the module does not exist.
 */
export async function setModuleEntry(db: Db, key: ModuleKey, change: ModuleManifestUpdate, who: { actor: string; source: string }) {
  const patch = ModuleManifestUpdate.parse(change);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(modules).where(eq(modules.key, key)).for('update');
    if (!before) throw new Error(`模块不存在：${key}`);
    const [after] = await tx
      .update(modules)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(modules.key, key))
      .returning();
    await writeAudit(tx, {
      actor: who.actor,
      action: 'module.update',
      targetType: 'module',
      targetId: key,
      before: { remoteEntry: before.remoteEntry, version: before.version, enabled: before.enabled },
      after: { remoteEntry: after?.remoteEntry, version: after?.version, enabled: after?.enabled },
      result: 'ok',
      source: who.source,
    });
    return after!;
  });
}
