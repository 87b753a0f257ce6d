// PostgreSQL clusters of the drills' own, beside the one on 5432 that the tests use (never touched): made by initdb under
// the postgres user in a folder of the drill's, each on its own port, a primary and a standby that replicates from it
// synchronously (a commit returns once the standby has it: promoting the standby loses no committed write).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '@hyedu/e2e/server';

const BIN = '/usr/lib/postgresql/15/bin';
/** The standby's name in the primary's synchronous_standby_names. */
export const STANDBY_NAME = 'hyedu_standby';

export interface Cluster {
  dir: string;
  port: number;
  url: string;
}

/** Runs a PostgreSQL program as the postgres user (root may not run the server). */
function asPostgres(program: string, args: string[]): string {
  const cmd = join(BIN, program);
  const run = userInfo().username === 'postgres' ? [cmd, ...args] : ['runuser', '-u', 'postgres', '--', cmd, ...args];
  return execFileSync(run[0]!, run.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the server of `dir`; if it does not come up, the error carries the end of its log (why it did not). */
function serverStart(dir: string): void {
  try {
    asPostgres('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', 'start']);
  } catch (e) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-1500) : '（无日志）';
    throw new Error(`${(e as Error).message}\n服务器日志（末尾）：\n${log}`);
  }
}

/** Two different free ports of this machine for a drill's clusters (a fixed pair may be held by what another run left). */
export async function freePorts(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

const urlOf = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

/** A new temporary folder the postgres user owns, for a drill's clusters. */
export function drillFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
  return dir;
}

/** A folder the postgres user owns. */
function ownedFolder(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Settings every drill cluster shares: its port, this machine only, socket in its folder, replication on. */
function settings(dir: string, port: number, extra: string[] = []): string {
  return [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    'wal_level = replica',
    'max_wal_senders = 5',
    'hot_standby = on',
    'fsync = on',
    ...extra,
  ].join('\n');
}

/**
 * A new primary on `port` in `dir` (emptied first), started. `synchronous: false` (the drill's control case) lets a
 * commit return before the standby has it.
 */
export function startPrimary(dir: string, port: number, synchronous = true): Cluster {
  rmSync(dir, { recursive: true, force: true });
  ownedFolder(dir);
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const conf = settings(dir, port, [`synchronous_standby_names = '${synchronous ? STANDBY_NAME : ''}'`, 'synchronous_commit = on']);
  writeAs(join(data, 'postgresql.auto.conf'), `${conf}\n`);
  writeAs(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n');
  serverStart(dir);
  return { dir, port, url: urlOf(port) };
}

/** A standby of `primary` on `port` in `dir` (a base backup), started and streaming. */
export function startStandby(primary: Cluster, dir: string, port: number): Cluster {
  rmSync(dir, { recursive: true, force: true });
  ownedFolder(dir);
  const data = join(dir, 'data');
  asPostgres('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-d',
    `application_name=${STANDBY_NAME}`,
  ]);
  // The base backup carries the primary's settings: this one has its own port and socket, and waits for no one.
  const conf = settings(dir, port, [
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${STANDBY_NAME}'`,
    `synchronous_standby_names = ''`,
  ]);
  writeAs(join(data, 'postgresql.auto.conf'), `${conf}\n`);
  serverStart(dir);
  return { dir, port, url: urlOf(port) };
}

/** Writes a file the postgres user owns. */
function writeAs(file: string, text: string) {
  writeFileSync(file, text, { mode: 0o600 });
  const { uid, gid } = postgresIds();
  chownSync(file, uid, gid);
}

/** Stops a cluster: `immediate` is a crash (no shutdown checkpoint), as when a server is lost. */
export function stopCluster(c: Cluster, mode: 'fast' | 'immediate' = 'fast'): void {
  if (!existsSync(join(c.dir, 'data', 'postmaster.pid'))) return;
  asPostgres('pg_ctl', ['-D', join(c.dir, 'data'), '-m', mode, '-w', 'stop']);
}

/** Loses a cluster as a host is lost: every one of its processes killed at once (SIGKILL), nothing flushed or sent. */
export function killCluster(c: Cluster): void {
  const pidFile = join(c.dir, 'data', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    execFileSync('pkill', ['-KILL', '-P', String(pid)]);
  } catch {
    /* no children left */
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
}

/** Promotes a standby to primary and waits until it accepts writes. */
export async function promote(c: Cluster): Promise<void> {
  asPostgres('pg_ctl', ['-D', join(c.dir, 'data'), '-w', 'promote']);
  const client = new pg.Client({ connectionString: c.url });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ r: boolean }>('select pg_is_in_recovery() as r');
      if (!rows[0]!.r) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('备用库提升超时');
  } finally {
    await client.end();
  }
}

/** One query on a cluster, on a connection of its own. */
export async function ask<T extends object>(c: Cluster, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: c.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The primary's view of its standby: streaming and synchronous? */
export async function replicationState(primary: Cluster): Promise<{ state: string; sync: string } | null> {
  const [row] = await ask<{ state: string; sync_state: string }>(
    primary,
    'select state, sync_state from pg_stat_replication where application_name = $1',
    [STANDBY_NAME],
  );
  return row ? { state: row.state, sync: row.sync_state } : null;
}

/** Starts a stopped cluster again (after stopCluster: its data as the stop left it). */
export function startCluster(c: Cluster): void {
  serverStart(c.dir);
}

/** A new primary on its own, for the drills that stop and start the database under the platform. */
export const startSingle = (dir: string, port: number): Cluster => startPrimary(dir, port, false);
