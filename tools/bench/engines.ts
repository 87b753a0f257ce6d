// What the full-scale benches share: the real server started on a fresh PostgreSQL database and on a fresh PGlite
// folder (each loads the full-size demo data on its first start), and the results file with the machine's load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { startServer, type Running } from '@hyedu/e2e/server';

const PG_ADMIN = process.env.HYEDU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
type Engine = 'PostgreSQL' | 'PGlite';

export interface Started {
  engine: Engine;
  server: Running;
  /** The first start, migrations and full-size demo data included. */
  startSeconds: number;
  /** PostgreSQL only: the bench's database. */
  databaseUrl?: string;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The first lines of a results file: when, on what, and how busy the machine was. */
export const startMeta = () => [
  `日期 ${new Date().toISOString()}；Node ${process.version}；负载生成器与服务器同机（未绑核）；开始时 loadavg ${load()}`,
];

/**
 * Runs `measure` against the server on PostgreSQL (database `database`, created and dropped; at HYEDU_BENCH_PG_URL) and
 * then on PGlite (a temporary folder), stopping each server and removing what it made; HYEDU_BENCH_ENGINE=postgresql|pglite
 * runs one. Afterwards writes `report(meta)` to `resultsFile`, `meta` ending with the machine's load.
 */
export async function onBothEngines(
  opts: { database: string; env: Record<string, string>; meta: string[]; resultsFile: string; report: (meta: string[]) => string },
  measure: (s: Started) => Promise<void>,
) {
  const only = process.env.HYEDU_BENCH_ENGINE;
  const dirs: string[] = [];
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const drop = () => admin.query(`drop database if exists ${opts.database} with (force)`);
  const start = async (engine: Engine, env: Record<string, string>, databaseUrl?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'hyedu-bench-'));
    dirs.push(dir);
    const t = performance.now();
    const server = await startServer(dir, { ...opts.env, ...env });
    return { engine, server, startSeconds: (performance.now() - t) / 1000, ...(databaseUrl ? { databaseUrl } : {}) };
  };
  try {
    if (!only || only === 'postgresql') {
      await drop();
      await admin.query(`create database ${opts.database}`);
      const url = new URL(PG_ADMIN);
      url.pathname = `/${opts.database}`;
      const started = await start('PostgreSQL', { DATABASE_URL: url.toString() }, url.toString());
      try {
        await measure(started);
      } finally {
        await started.server.stop();
        await drop();
      }
    }
    if (!only || only === 'pglite') {
      const started = await start('PGlite', {});
      try {
        await measure(started);
      } finally {
        await started.server.stop();
      }
    }
    opts.meta.push(`结束时 loadavg ${load()}`);
    const md = opts.report(opts.meta);
    mkdirSync(dirname(opts.resultsFile), { recursive: true });
    writeFileSync(opts.resultsFile, md);
    console.log(`\n${md}\n已写入 ${opts.resultsFile}`);
  } finally {
    await drop().catch(() => undefined);
    await admin.end();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
