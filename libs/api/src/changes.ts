import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Db, Listener } from '@hyedu/db';

/**
 * One instance tells the others what changed. Each instance keeps a few copies in memory — the KPI rollups, the
 * security policy, the module origins, memoised reads — and drops its own copy after a change it made. Once
 * `shareChanges` runs for its database (the server, on PostgreSQL), it also sends a notification on `CHANGES_CHANNEL`
 * and every other instance drops the same copy when it hears it: the next read there recomputes. Notifications arrive
 * within milliseconds; one that is lost (the listening connection broke) is covered by dropping everything when the
 * connection is open again. What no notification covers is bounded by each copy's own lifetime (documented beside it).
 */
export const CHANGES_CHANNEL = 'hyedu_changes';

/** Drops this instance's copies for one topic; `detail` narrows it (KPI ids, a memo key), absent means all of them. */
type Forget = (db: Db, detail: string | undefined) => void;
const forgetters = new Map<string, Forget>();
const links = new WeakMap<Db, string>();

/** Declares a topic and how an instance drops its copies (each cache declares its own, once, at load). */
export function onChange(topic: string, forget: Forget): void {
  forgetters.set(topic, forget);
}

/** Drops this instance's copies and tells the other instances of the database to drop theirs. */
export function announce(db: Db, topic: string, detail?: string): void {
  const forget = forgetters.get(topic);
  if (!forget) throw new Error(`unknown change topic: ${topic}`);
  forget(db, detail);
  const from = links.get(db);
  if (!from) return;
  const payload = JSON.stringify({ from, topic, detail });
  // After the writer's transaction has committed; a failure only delays the others until their copies expire.
  void db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`).catch((e: unknown) => {
    console.error(`变更通知发送失败：${(e as Error).message}`);
  });
}

/** Hears the other instances' changes for this database; the returned listener stops it. Null on PGlite. */
export async function shareChanges(database: Database): Promise<Listener | null> {
  const me = randomUUID();
  const { db } = database;
  const listener = await database.listen(
    CHANGES_CHANNEL,
    (payload) => {
      let change: { from?: unknown; topic?: unknown; detail?: unknown };
      try {
        change = JSON.parse(payload) as typeof change;
      } catch {
        return;
      }
      if (change.from === me || typeof change.topic !== 'string') return;
      forgetters.get(change.topic)?.(db, typeof change.detail === 'string' ? change.detail : undefined);
    },
    () => {
      for (const forget of forgetters.values()) forget(db, undefined);
    },
  );
  if (listener) links.set(db, me);
  return listener && { close: async () => (links.delete(db), await listener.close()) };
}
