// Several API instances over one PostgreSQL database, behind the load balancer (nginx, Debian's package, through the TLS
// front of tools/front). The instances are started together, so one of them migrates and loads the demo data while the
// others wait on the advisory lock; they share the keys (audit chain, field encryption, blind index) through their
// environment, and trust the balancer's forwarded headers (HYEDU_TRUSTED_PROXIES=127.0.0.1).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startServer, type Running } from '@hyedu/e2e/server';
import { startFront } from '@hyedu/front';

export interface TopologyOptions {
  /** The database every instance uses (created when missing; emptied first with `fresh`). */
  databaseUrl: string;
  instances: number;
  /** The balancer's port (HTTPS). */
  port: number;
  /** Where the balancer's configuration, certificate and the shared keys are kept. */
  dir: string;
  fresh?: boolean;
  /** Fraction of the demo data loaded on an empty database (1 = full scale). */
  seedScale?: number;
  /** Serve the built portal and modules too (they must be built). */
  serveStatic?: boolean;
  /** Requests per minute per client address, per instance. */
  rateLimit?: number;
  /** PostgreSQL connections per instance (default: 10 shared out among the instances, at least 4 each). */
  poolPerInstance?: number;
}

export interface Topology {
  /** The balancer's address (HTTPS, self-signed certificate). */
  url: string;
  /** Each instance's own address (plain HTTP on 127.0.0.1). */
  instances: string[];
  /** Seconds from starting the instances until every one answered /api/health (migrations and demo data included). */
  startSeconds: number;
  /** What each instance has printed (warnings and errors). */
  outputs(): string[];
  /** Each instance's process (tsx, whose child runs the server). */
  pids: (number | undefined)[];
  stop(): Promise<void>;
}

const KEY_NAMES = ['HYEDU_AUDIT_KEY', 'HYEDU_DATA_KEY', 'HYEDU_INDEX_KEY'] as const;

/** The keys every instance must share, made once and kept in `dir` (mode 0600): the data outlives one run. */
function sharedKeys(dir: string): Record<string, string> {
  const file = join(dir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const keys = Object.fromEntries(KEY_NAMES.map((k) => [k, randomBytes(32).toString('base64')]));
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** Creates the database when it is missing, or drops and creates it when `fresh`. */
export async function prepareDatabase(url: string, fresh: boolean): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`数据库名称无效：${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (fresh) await client.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export async function startTopology(o: TopologyOptions): Promise<Topology> {
  mkdirSync(o.dir, { recursive: true });
  await prepareDatabase(o.databaseUrl, o.fresh ?? false);
  const env = {
    ...sharedKeys(o.dir),
    DATABASE_URL: o.databaseUrl,
    HYEDU_TRUSTED_PROXIES: '127.0.0.1',
    HYEDU_SEED_SCALE: String(o.seedScale ?? 1),
    HYEDU_SERVE_STATIC: o.serveStatic ? '1' : '0',
    HYEDU_RATE_LIMIT: String(o.rateLimit ?? 3000),
    HYEDU_DB_POOL: String(o.poolPerInstance ?? Math.max(4, Math.ceil(10 / o.instances))),
  };
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: o.instances }, () => startServer(o.dir, env)));
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const stopAll = (servers: Running[]) => Promise.all(servers.map((s) => s.stop())).then(() => undefined);
  if (failed) {
    await stopAll(running);
    throw failed.reason as Error;
  }
  const startSeconds = (performance.now() - started) / 1000;
  const front = await startFront({
    upstreams: running.map((s) => new URL(s.url).host),
    port: o.port,
    dir: join(o.dir, 'front'),
  }).catch(async (e: unknown) => {
    await stopAll(running);
    throw e;
  });
  return {
    url: front.url,
    instances: running.map((s) => s.url),
    outputs: () => running.map((s) => s.output()),
    pids: running.map((s) => s.pid),
    startSeconds,
    stop: async () => {
      await front.stop();
      await stopAll(running);
    },
  };
}
