import { asc, eq } from 'drizzle-orm';
import { entryOrigin, ModuleOrigin, ModuleOriginNote } from '@hyedu/domain';
import { writeAudit, type Tx } from './audit.ts';
import type { Database, Db } from './client.ts';
import { moduleOrigins, modules } from './schema/index.ts';

/** A change to the allow-list that was refused as a whole (nothing written): the code says how. */
export class RegistryRefusal extends Error {
  constructor(
    readonly code: 'CONFLICT' | 'NOT_FOUND' | 'BAD_REQUEST',
    message: string,
  ) {
    super(message);
  }
}

const STALE = '该记录已被他人修改，请刷新后重新提交';
type Who = { actor: string; source: string };

/** The allow-list's origins, in canonical form. */
export async function listModuleOrigins(db: Db | Tx): Promise<string[]> {
  const rows = await db.select({ origin: moduleOrigins.origin }).from(moduleOrigins).orderBy(asc(moduleOrigins.origin));
  return rows.map((r) => r.origin);
}

/** The allow-list with its notes and versions (for the 模块登记 page). */
export function moduleOriginRows(db: Db) {
  return db.select().from(moduleOrigins).orderBy(asc(moduleOrigins.origin));
}

/** Puts an origin on the allow-list. Validated (the domain's ModuleOrigin), transactional and audited. */
export async function addModuleOrigin(database: Pick<Database, 'db' | 'auditKey'>, input: { origin: string; note: string }, who: Who) {
  const origin = ModuleOrigin.parse(input.origin);
  const note = ModuleOriginNote.parse(input.note);
  return database.db.transaction(async (tx) => {
    // Two people adding the same origin at once: the second finds the key taken (no error from the database).
    const [row] = await tx.insert(moduleOrigins).values({ origin, note, updatedBy: who.actor }).onConflictDoNothing().returning();
    if (!row) throw new RegistryRefusal('CONFLICT', `来源 ${origin} 已登记`);
    await writeAudit(tx, database.auditKey, {
      actor: who.actor,
      action: 'module_origin.add',
      targetType: 'module_origin',
      targetId: origin,
      result: 'ok',
      source: who.source,
      after: { origin, note },
    });
    return row;
  });
}

async function lockOrigin(tx: Tx, origin: string, expectedVersion: number) {
  const [row] = await tx.select().from(moduleOrigins).where(eq(moduleOrigins.origin, origin)).for('update');
  if (!row) throw new RegistryRefusal('NOT_FOUND', `来源 ${origin} 不存在`);
  if (row.version !== expectedVersion) throw new RegistryRefusal('CONFLICT', STALE);
  return row;
}

/** Changes an origin's note (optimistic locking on its version). */
export async function updateModuleOrigin(
  database: Pick<Database, 'db' | 'auditKey'>,
  input: { origin: string; note: string; expectedVersion: number },
  who: Who,
) {
  const note = ModuleOriginNote.parse(input.note);
  return database.db.transaction(async (tx) => {
    const before = await lockOrigin(tx, input.origin, input.expectedVersion);
    const [after] = await tx
      .update(moduleOrigins)
      .set({ note, version: before.version + 1, updatedAt: new Date(), updatedBy: who.actor })
      .where(eq(moduleOrigins.origin, input.origin))
      .returning();
    await writeAudit(tx, database.auditKey, {
      actor: who.actor,
      action: 'module_origin.update',
      targetType: 'module_origin',
      targetId: input.origin,
      result: 'ok',
      source: who.source,
      before: { note: before.note },
      after: { note },
    });
    return after!;
  });
}

/**
 * Takes an origin off the allow-list, unless a registry entry still loads from it (the module would stop loading
 * under the Content-Security-Policy). The module rows are locked too, so an entry moved there meanwhile is seen.
 */
export async function removeModuleOrigin(
  database: Pick<Database, 'db' | 'auditKey'>,
  input: { origin: string; expectedVersion: number },
  who: Who,
) {
  return database.db.transaction(async (tx) => {
    const before = await lockOrigin(tx, input.origin, input.expectedVersion);
    const entries = await tx
      .select({ title: modules.title, remoteEntry: modules.remoteEntry })
      .from(modules)
      .orderBy(asc(modules.sortOrder))
      .for('update');
    const users = entries.filter((m) => entryOrigin(m.remoteEntry) === input.origin).map((m) => `「${m.title}」`);
    if (users.length) throw new RegistryRefusal('BAD_REQUEST', `模块${users.join('、')}仍从该来源加载，请先修改其入口地址`);
    await tx.delete(moduleOrigins).where(eq(moduleOrigins.origin, input.origin));
    await writeAudit(tx, database.auditKey, {
      actor: who.actor,
      action: 'module_origin.remove',
      targetType: 'module_origin',
      targetId: input.origin,
      result: 'ok',
      source: who.source,
      before: { origin: before.origin, note: before.note },
    });
    return { origin: input.origin };
  });
}
