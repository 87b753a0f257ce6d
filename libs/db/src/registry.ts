import { eq } from 'drizzle-orm';
import { ModuleManifestUpdate, type ModuleKey } from '@hyedu/domain';
import { writeAudit } from './audit.ts';
import type { Database } from './client.ts';
import { modules } from './schema/index.ts';

/**
 * Changes where (or whether) the portal loads a module. Validated, transactional and audited.
 * Returns the row after the change; throws if the module does not exist.
 */
/** Someone else changed the row since the editor read it: nothing was written. */
export class ConflictError extends Error {
  constructor() {
    super('该记录已被他人修改，请刷新后重新提交');
  }
}

export async function setModuleEntry(
  database: Pick<Database, 'db' | 'auditKey'>,
  key: ModuleKey,
  change: ModuleManifestUpdate,
  who: { actor: string; source: string; expectedUpdatedAt?: Date },
) {
  const patch = ModuleManifestUpdate.parse(change);
  return database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(modules).where(eq(modules.key, key)).for('update');
    if (!before) throw new Error(`模块不存在：${key}`);
    // Optimistic locking: the row is locked above, so comparing the version the editor saw is race-free.
    if (who.expectedUpdatedAt && before.updatedAt.getTime() !== who.expectedUpdatedAt.getTime()) throw new ConflictError();
    const [after] = await tx
      .update(modules)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(modules.key, key))
      .returning();
    await writeAudit(tx, database.auditKey, {
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
