// Reads from a standby: a PostgreSQL cluster that replays the primary's WAL (see docs/OPERATIONS.md). Lists may be read
// there, taking their load off the primary; a reader must still see what it wrote itself, and a standby that falls
// behind or stops answering must cost nobody an error. The rules live here; the API decides which procedures may use it.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './client.ts';
import * as schema from './schema/index.ts';

/** A WAL position as PostgreSQL prints it (`16/B374D848`): two hex halves of a 64-bit byte offset. */
export function parseLsn(text: string): bigint | null {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : null;
}

export type StandbyStatus = 'up' | 'lagging' | 'down';

export interface StandbyState {
  status: StandbyStatus;
  /** How long ago the primary was where the standby has replayed to (0 when it has replayed everything seen). */
  lagMs: number;
  /** The last position the standby was seen to have replayed, or null when it has not been seen. */
  replayed: bigint | null;
  /** Why it is not used (in Chinese, for the operator), when it is not. */
  reason: string | null;
}

/** Where one read goes: the standby's connections or the primary's. */
export type ReadTarget = 'standby' | 'primary';

/**
 * What the watch has seen of the two servers, and the decisions made from it. Pure (no I/O, the clock passed in):
 * openStandby() feeds it a sample per tick. The lag is measured in time, not bytes: the standby is `lagMs` behind when
 * the primary had already passed its replay position that long ago.
 */
export class ReplayWatch {
  private samples: { at: number; lsn: bigint }[] = [];
  private replayed: bigint | null = null;
  private seenAt = 0;
  private downReason: string | null = '尚未检查备用库';

  constructor(
    /** Behind by more than this, the standby is not read (default 5 s). */
    readonly maxLagMs = 5000,
    /** A standby not heard from for this long counts as down even without an error (a tick lost in a hung connection). */
    readonly staleMs = 10_000,
  ) {}

  /** The primary's position at `at`. Kept for a minute: a lag longer than that is simply "over a minute". */
  primaryAt(at: number, lsn: bigint) {
    this.samples.push({ at, lsn });
    while (this.samples.length > 1 && this.samples[0]!.at < at - 60_000) this.samples.shift();
  }

  /** The standby answered at `at`: in recovery (still a standby) and replayed up to `lsn`. */
  standbyAt(at: number, inRecovery: boolean, lsn: bigint | null) {
    if (!inRecovery) return this.down('备用库已不在恢复状态（已被提升为主库），不再从它读取');
    if (lsn === null) return this.down('备用库尚未回放任何日志');
    this.replayed = lsn;
    this.seenAt = at;
    this.downReason = null;
  }

  /** The standby could not be asked (refused, timed out, failed a read): reads go to the primary until it answers again. */
  down(reason: string) {
    this.downReason = reason;
  }

  state(now: number): StandbyState {
    if (this.downReason !== null || this.replayed === null)
      return { status: 'down', lagMs: 0, replayed: this.replayed, reason: this.downReason ?? '备用库尚未回放任何日志' };
    if (now - this.seenAt > this.staleMs)
      return { status: 'down', lagMs: now - this.seenAt, replayed: this.replayed, reason: '备用库长时间未应答' };
    const ahead = this.samples.find((s) => s.lsn > this.replayed!);
    const lagMs = ahead ? Math.max(0, now - ahead.at) : 0;
    if (lagMs > this.maxLagMs)
      return { status: 'lagging', lagMs, replayed: this.replayed, reason: `备用库落后主库约 ${Math.round(lagMs / 1000)} 秒` };
    return { status: 'up', lagMs, replayed: this.replayed, reason: null };
  }

  /**
   * Where a read goes: the standby when it is up and has replayed the reader's own last write (`wrote`, the primary's
   * position after it), else the primary. The replay position is the last one seen, never newer than the truth, so a
   * read sent to the standby always finds the write.
   */
  target(now: number, wrote: bigint | null): ReadTarget {
    const state = this.state(now);
    if (state.status !== 'up') return 'primary';
    if (wrote !== null && (state.replayed === null || state.replayed < wrote)) return 'primary';
    return 'standby';
  }
}

export interface Standby {
  /** The standby's database: every transaction read-only. */
  db: Db;
  /** Where a read goes for a reader whose last write put the primary at `wrote` (null: none remembered). */
  target(wrote: bigint | null): ReadTarget;
  /** The primary's position now: after a write, the position a standby must have replayed to show it. */
  primaryPosition(): Promise<string>;
  /** A read on the standby failed for want of it (refused, lost, read-only refusal): reads go to the primary until it answers. */
  failed(reason: string): void;
  state(): StandbyState;
  close(): Promise<void>;
}

export interface StandbyOptions {
  url: string;
  /** The primary's pool: its position is asked there. */
  primary: pg.Pool;
  poolMax?: number;
  maxLagMs?: number;
  /** Told when the standby's status changes (up, lagging, down) and why: the operator's log. */
  onStatus?: (state: StandbyState) => void;
}

/**
 * Opens a standby for reads and starts watching it. Never fails: a standby that cannot be reached yet is "down" and
 * every read goes to the primary until it answers.
 */
export async function openStandby(opts: StandbyOptions): Promise<Standby> {
  const clock = Date.now;
  const watch = new ReplayWatch(opts.maxLagMs);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    // A lost standby must not hold a read for long: the read falls back to the primary.
    connectionTimeoutMillis: 2000,
    // Read-only by the connection's own default too (a standby refuses writes anyway; a standby URL that names a
    // primary by mistake still writes nothing).
    options: '-c jit=off -c max_parallel_workers_per_gather=0 -c default_transaction_read_only=on',
    application_name: 'hyedu-reads',
  });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle(pool, { schema, casing: 'snake_case' }) as unknown as Db;

  const ask = async (): Promise<void> => {
    const at = clock();
    const primary = await opts.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn').catch(() => null);
    const lsn = primary ? parseLsn(primary.rows[0]!.lsn) : null;
    if (lsn !== null) watch.primaryAt(at, lsn);
    try {
      const { rows } = await pool.query<{ recovery: boolean; lsn: string | null }>(
        'select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as lsn',
      );
      watch.standbyAt(at, rows[0]!.recovery, rows[0]!.lsn === null ? null : parseLsn(rows[0]!.lsn));
    } catch (e) {
      watch.down(`备用库无法连接：${(e as Error).message}`);
    }
  };
  let running: Promise<void> | null = null;
  let last: StandbyStatus | null = null;
  const told = () => {
    const state = watch.state(clock());
    if (state.status !== last) opts.onStatus?.(state);
    last = state.status;
  };
  const check = () =>
    (running ??= ask()
      .then(told)
      .finally(() => (running = null)));
  await check();
  // Both servers asked twice a second: a lag or a loss is seen within half a second.
  const timer = setInterval(() => void check(), 500);
  timer.unref();

  return {
    db,
    target: (wrote) => watch.target(clock(), wrote),
    primaryPosition: async () => (await opts.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0]!.lsn,
    failed: (reason) => {
      watch.down(reason);
      told();
    },
    state: () => watch.state(clock()),
    close: async () => {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
