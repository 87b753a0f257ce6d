import { eq } from 'drizzle-orm';
import { moduleUpdateFor, type ModuleKey, type ModuleManifestUpdate } from '@hyedu/domain';
import { writeAudit } from './audit.ts';
import type { Database } from './client.ts';
import { listModuleOrigins } from './module-origins.ts';
import { modules } from './schema/index.ts';

/** Someone else changed the row since the editor read it: nothing was written. */
export class ConflictError extends Error {
  constructor() {
    super('该记录已被他人修改，请刷新后重新提交');
  }
}

/**
 * Changes where (or whether) the portal loads a module. Validated (an entry must be a same-origin path or on an
 * allow-listed origin: a ZodError on `remoteEntry` otherwise), transactional and audited.
 * Returns the row after the change; throws if the module does not exist.
 */
export async function setModuleEntry(
  database: Pick<Database, 'db' | 'auditKey'>,
  key: ModuleKey,
  change: ModuleManifestUpdate,
  who: { actor: string; source: string; expectedUpdatedAt?: Date },
) {
  return database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(modules).where(eq(modules.key, key)).for('update');
    if (!before) throw new Error(`模块不存在：${key}`);
    // Read after the module's row is locked: an origin removed meanwhile is not seen (removal locks the modules too).
    const patch = moduleUpdateFor(await listModuleOrigins(tx)).parse(change);
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
