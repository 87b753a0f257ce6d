// The migrations drill. On each engine: an empty database brought to this release's schema (every migration of the
// journal applied), migrating again changes nothing (the schema, and a database with data, row for row). On PostgreSQL:
// the previous release — its own code, checked out beside this one — loads its demo data, then this release migrates
// it: every table keeps its rows, a second migration changes nothing, the audit chain verifies, every role signs in.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { signIn } from '@hyedu/api/testing';
import {
  DEMO_AS_OF,
  differences,
  fingerprints,
  migrate,
  migrationsFolder,
  openDatabase,
  seedDemoData,
  verifyAuditChain,
  type Database,
  type Engine,
} from '@hyedu/db';
import { adminQuery, withDatabase } from '@hyedu/db/testing';
import { freePort, ROOT } from '@hyedu/e2e/server';
import { signIn as httpSignIn } from '@hyedu/scale/client';
import { ROLE_ACCOUNTS } from './backup.ts';
import { drillKeys, sleep } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';

const journal = () =>
  (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries;

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

/** The schema as the catalog describes it (columns, constraints, indexes of our schemas), hashed. */
async function schemaHash(db: Database): Promise<string> {
  const rows = rowsOf<{ line: string }>(
    await db.db.execute(sql`
      select format('%s.%s.%s %s %s %s', table_schema, table_name, column_name, data_type, is_nullable, coalesce(column_default, '')) as line
        from information_schema.columns where table_schema in ('public', 'drizzle')
      union all
      select format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) from pg_constraint
       where connamespace in ('public'::regnamespace, 'drizzle'::regnamespace)
      union all
      select indexdef from pg_indexes where schemaname in ('public', 'drizzle')
      order by 1`),
  );
  return createHash('sha256')
    .update(rows.map((r) => r.line).join('\n'))
    .digest('hex');
}

const applied = async (db: Database) =>
  Number(rowsOf<{ n: string | number }>(await db.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`))[0]!.n);

export interface MigrationOptions {
  /** Where empty → this release and migrating twice run (none: only the previous release). */
  engines: Engine[];
  /** PostgreSQL: where the drill creates and drops its databases (the previous release's database too). */
  adminUrl: string;
  /** The previous release (a git ref); by default the newest release tag whose migrations differ, else the commit before the newest migration. */
  from?: string;
  /** Skip the previous release (a checkout without git history). */
  current?: boolean;
}

export async function migrationsDrill(o: MigrationOptions): Promise<FaultDrill> {
  const f = new Findings('数据库迁移');
  const names: string[] = [];
  /** A new empty PostgreSQL database of the drill's (dropped at the end), by its URL. */
  const emptyDatabase = async (label: string) => {
    const name = `hyedu_drill_mig_${label}_${process.pid}`;
    names.push(name);
    await adminQuery(o.adminUrl, async (a) => {
      await a.query(`drop database if exists ${name} with (force)`);
      await a.query(`create database ${name}`);
    });
    return withDatabase(o.adminUrl, name);
  };
  try {
    for (const engine of o.engines) {
      const keys = drillKeys().secrets;
      const target = engine === 'pglite' ? { dataDir: 'memory' } : { url: await emptyDatabase('empty') };
      await emptyToHead(f, await openDatabase({ ...target, keys }), engine);
    }
    if (!o.current) await previousToHead(f, await emptyDatabase('prev'), o.from ?? previousRelease());
    return f.done();
  } catch (e) {
    return f.done(e);
  } finally {
    for (const n of names) await adminQuery(o.adminUrl, (a) => a.query(`drop database if exists ${n} with (force)`)).catch(() => undefined);
  }
}

async function emptyToHead(f: Findings, database: Database, engine: Engine) {
  try {
    const t = performance.now();
    await migrate(database);
    const seconds = (performance.now() - t) / 1000;
    const entries = journal().length;
    const count = await applied(database);
    const schema = await schemaHash(database);
    f.figure(`【${engine}】空库 → 当前版本：${count} 个迁移，${seconds.toFixed(1)} 秒`);
    f.check(`【${engine}】空库迁移到当前版本：应用了全部 ${entries} 个迁移`, count === entries);
    await migrate(database);
    f.check(
      `【${engine}】再迁移一次：结构不变、迁移数不变`,
      (await schemaHash(database)) === schema && (await applied(database)) === count,
    );
    await seedDemoData(database.db, { scale: 0.01, staffRegistry: false, today: DEMO_AS_OF, ...database.keys });
    const before = await fingerprints(database.db);
    await migrate(database);
    const changed = differences(before, await fingerprints(database.db));
    f.check(
      `【${engine}】有数据时再迁移一次：${Object.keys(before).length} 张表逐行不变${changed.length ? `（${changed.join('；')}）` : ''}`,
      changed.length === 0,
    );
  } finally {
    await database.close();
  }
}

/** The newest release tag (v*) whose migrations differ from this checkout's; else the commit before the newest migration. */
export function previousRelease(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const tags = git('tag', '--list', 'v*', '--sort=-creatordate', '--merged', 'HEAD').split('\n').filter(Boolean);
  for (const tag of tags) if (git('diff', '--name-only', tag, 'HEAD', '--', 'libs/db/drizzle')) return tag;
  const newest = git('log', '-1', '--format=%H', '--', 'libs/db/drizzle/meta/_journal.json');
  return git('rev-parse', `${newest}^`);
}

async function previousToHead(f: Findings, url: string, ref: string) {
  const keys = drillKeys();
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-drill-release-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const label = git('log', '-1', '--format=%h %ad', '--date=short', ref).trim();
  try {
    let t = performance.now();
    git('worktree', 'add', '--detach', dir, ref);
    execFileSync('npx', ['-y', 'pnpm@10', 'install', '--frozen-lockfile', '--prefer-offline'], { cwd: dir, stdio: 'ignore' });
    const installSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await runRelease(dir, { ...keys.env, DATABASE_URL: url });
    f.figure(
      `上一版本 ${ref.slice(0, 12)}（${label}）：检出并安装 ${installSeconds.toFixed(0)} 秒，以它自己的代码建库并载入演示数据（2%）${((performance.now() - t) / 1000).toFixed(0)} 秒`,
    );
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
  const database = await openDatabase({ url, keys: keys.secrets });
  try {
    const before = await applied(database);
    const rows = await fingerprints(database.db);
    const t = performance.now();
    await migrate(database);
    const seconds = (performance.now() - t) / 1000;
    const after = await fingerprints(database.db);
    const lost = Object.entries(rows)
      .filter(([name, r]) => name !== 'drizzle.__drizzle_migrations' && after[name]?.rows !== r.rows)
      .map(([name, r]) => `${name} ${r.rows} → ${after[name]?.rows ?? '无此表'}`);
    const added = Object.keys(after).filter((n) => !rows[n]);
    f.figure(
      `上一版本 → 当前版本：${(await applied(database)) - before} 个新迁移，${seconds.toFixed(1)} 秒；新增表 ${added.length ? added.join('、') : '无'}`,
    );
    f.check(`迁移后全部 ${journal().length} 个迁移都已应用`, (await applied(database)) === journal().length);
    f.check(`迁移后每张表行数不变（${Object.keys(rows).length} 张表）${lost.length ? `：${lost.join('；')}` : ''}`, lost.length === 0);
    await migrate(database);
    const again = differences(after, await fingerprints(database.db));
    f.check(`再迁移一次：逐行不变${again.length ? `（${again.join('；')}）` : ''}`, again.length === 0);
    const chain = await verifyAuditChain(database.db, keys.secrets.auditKey);
    f.check(
      `上一版本写下的审计链（${SIGN_INS.length} 个角色的登录）迁移后完整（${chain.checked} 条）`,
      chain.ok && chain.checked >= SIGN_INS.length,
    );
    const refused: string[] = [];
    for (const user of ROLE_ACCOUNTS) if (!(await signIn(database, user).catch(() => ''))) refused.push(user);
    f.check(`迁移后各角色都能登录${refused.length ? `（失败：${refused.join('、')}）` : ''}`, refused.length === 0);
  } finally {
    await database.close();
  }
}

/** Accounts that sign in on the previous release (the administrators need their second factor: not these). */
const SIGN_INS = ['leader', 'safety', 'hengnan', 'school'];

/**
 * Starts the release's own server in its checkout until it answers (it migrates and loads its demo data), signs some
 * roles in, then stops it.
 */
async function runRelease(dir: string, env: Record<string, string>): Promise<void> {
  const port = await freePort();
  const child = spawn(join(dir, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
    cwd: dir,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HYEDU_SEED_SCALE: '0.02',
      HYEDU_SERVE_STATIC: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    for (const deadline = Date.now() + 600_000; ;) {
      if (child.exitCode !== null) throw new Error(`上一版本的服务退出了（${child.exitCode}）：${output.slice(-1000)}`);
      if (
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      ) {
        // People used it: each role without a second factor signs in, so the release leaves an audit chain of its own.
        for (const user of SIGN_INS) await httpSignIn(`http://127.0.0.1:${port}`, user);
        return;
      }
      if (Date.now() > deadline) throw new Error(`上一版本的服务没有启动：${output.slice(-1000)}`);
      await sleep(500);
    }
  } finally {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
  }
}
