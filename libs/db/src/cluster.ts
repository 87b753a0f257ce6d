import pg from 'pg';

/**
 * What several API instances over one PostgreSQL need from it besides queries: advisory locks for the jobs that must
 * run once (migrations and demo data at start, KPI snapshots), and a notification channel on which one instance tells
 * the others to drop their in-memory copies. PGlite has one user (one process), so there both are trivial.
 */

/** The advisory-lock key of a job name: one 64-bit key from PostgreSQL's own hash, prefixed so other users do not collide. */
const KEY = `hashtextextended('hyedu:' || $1, 0)`;

/**
 * Runs `fn` holding the session-level advisory lock `name`, on a connection of its own that stays open for the run.
 * `wait`: queue behind the holder (migrations: the second instance then finds them done); otherwise return
 * `{ ran: false }` at once when another instance holds it. The lock is released in every case, and by PostgreSQL when
 * the connection is lost.
 */
export async function withAdvisoryLock<T>(
  pool: pg.Pool,
  name: string,
  wait: boolean,
  fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await pool.connect();
  try {
    if (wait) await client.query(`select pg_advisory_lock(${KEY})`, [name]);
    else {
      const { rows } = await client.query<{ ok: boolean }>(`select pg_try_advisory_lock(${KEY}) as ok`, [name]);
      if (!rows[0]?.ok) return { ran: false };
    }
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query(`select pg_advisory_unlock(${KEY})`, [name]);
    }
  } finally {
    client.release();
  }
}

export interface Listener {
  close(): Promise<void>;
}

/**
 * Listens on a notification channel with a connection of its own. A lost connection is opened again (after 0.5 s, then
 * up to 5 s apart); notifications sent meanwhile are lost, so `onGap` runs once it listens again (drop every copy).
 */
export async function listenChannel(
  /** The server to listen on, asked at each (re)connection: after a failover, the new primary. */
  url: string | (() => string),
  channel: string,
  onMessage: (payload: string) => void,
  onGap: () => void,
): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`通知通道名称无效：${channel}`);
  let closed = false;
  let client: pg.Client | undefined;
  let delay = 500;
  const open = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: typeof url === 'string' ? url : url() });
    c.on('notification', (n) => n.channel === channel && n.payload !== undefined && onMessage(n.payload));
    c.on('error', () => undefined);
    c.on('end', () => {
      if (closed || client !== c) return;
      client = undefined;
      setTimeout(() => void reopen(), delay).unref();
    });
    await c.connect();
    await c.query(`listen ${channel}`);
    client = c;
  };
  const reopen = async () => {
    if (closed) return;
    try {
      await open();
      delay = 500;
      onGap();
    } catch (e) {
      console.error(`PostgreSQL 通知连接重连失败（${(e as Error).message}），稍后重试`);
      delay = Math.min(delay * 2, 5_000);
      setTimeout(() => void reopen(), delay).unref();
    }
  };
  await open();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
