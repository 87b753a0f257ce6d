import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from './audit.ts';
import { backupTo, differences, manifestFile, restoreFrom, type Manifest } from './backup.ts';
import type { Database } from './client.ts';
import { adminQuery, openTestDatabase, TEST_KEYS, testEngines, withDatabase } from './testing.ts';

const PG = process.env.HYEDU_TEST_PG_URL;
const urlOf = (name: string) => withDatabase(PG!, name);
const admin = (query: string) => adminQuery(PG!, (c) => c.query(query));

describe('differences', () => {
  it('names missing tables, other row counts and other contents', () => {
    const a = { 'public.x': { rows: 2, hash: '10' }, 'public.y': { rows: 1, hash: '5' }, 'public.z': { rows: 0, hash: '0' } };
    const b = { 'public.x': { rows: 3, hash: '11' }, 'public.y': { rows: 1, hash: '6' }, 'public.w': { rows: 0, hash: '0' } };
    expect(differences(a, b)).toEqual([
      'public.x：行数 2 → 3',
      'public.y：内容不同（行数相同）',
      'public.z：恢复后缺少此表',
      'public.w：备份中没有此表',
    ]);
    expect(differences(a, a)).toEqual([]);
  });
});

describe.each(testEngines())('backup and restore on %s', { timeout: 300_000 }, (engine) => {
  let database: Database;
  let url: string | undefined;
  const dir = mkdtempSync(join(tmpdir(), `hyedu-backup-${engine}-`));
  const file = join(dir, engine === 'postgresql' ? 'hyedu.dump' : 'hyedu.tar.gz');
  const targets: string[] = [];

  /** An empty target: a new database on PostgreSQL, a new folder for PGlite. */
  async function emptyTarget(): Promise<{ url?: string; dataDir?: string }> {
    if (engine === 'pglite') return { dataDir: join(dir, `restored-${targets.push('x')}`) };
    const name = `hyedu_restore_${process.pid}_${targets.length}`;
    targets.push(name);
    await admin(`drop database if exists ${name}`);
    await admin(`create database ${name}`);
    return { url: urlOf(name) };
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.01 });
    await database.db.transaction((tx) =>
      writeAudit(tx, TEST_KEYS.auditKey, {
        actor: 'test',
        action: 'backup.test',
        targetType: 'test',
        targetId: '1',
        result: 'ok',
        source: 'test',
      }),
    );
    if (engine === 'postgresql') {
      const current = (await database.db.execute(sql`select current_database() as db`)) as unknown as { rows: { db: string }[] };
      url = urlOf(current.rows[0]!.db);
    }
  });
  afterAll(async () => {
    await database?.close();
    for (const name of engine === 'postgresql' ? targets : []) await admin(`drop database if exists ${name} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty target exactly what it backed up, at the current schema, with its audit chain', async () => {
    const { manifest, bytes } = await backupTo(database, file, url);
    expect(bytes).toBeGreaterThan(1000);
    expect(manifest.engine).toBe(engine);
    expect(manifest.tables['public.schools']!.rows).toBeGreaterThan(0);
    expect(manifest.tables['public.audit_log']!.rows).toBeGreaterThan(0);
    expect(manifest.tables['drizzle.__drizzle_migrations']!.rows).toBeGreaterThan(30);
    const report = await restoreFrom(file, await emptyTarget(), TEST_KEYS);
    expect(report.differences).toEqual([]);
    expect(report.chain).toMatchObject({ ok: true });
    expect(report.chain.checked).toBe(manifest.tables['public.audit_log']!.rows);
    expect(report.tables).toBe(Object.keys(manifest.tables).length);
  });

  it('refuses a target that is not empty, and a backup of the other engine', async () => {
    const target = await emptyTarget();
    await restoreFrom(file, target, TEST_KEYS);
    await expect(restoreFrom(file, target, TEST_KEYS)).rejects.toThrow(/不是空的/);
    const manifest = JSON.parse(readFileSync(manifestFile(file), 'utf8')) as Manifest;
    const other = join(dir, 'other');
    writeFileSync(other, readFileSync(file));
    writeFileSync(manifestFile(other), JSON.stringify({ ...manifest, engine: engine === 'pglite' ? 'postgresql' : 'pglite' }));
    await expect(restoreFrom(other, await emptyTarget(), TEST_KEYS)).rejects.toThrow(engine === 'pglite' ? /PostgreSQL 的备份/ : /PGlite/);
  });

  it('refuses a backup file that is not the one its manifest describes, and a manifest that is not one', async () => {
    const damaged = join(dir, 'damaged');
    const bytes = readFileSync(file);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(manifestFile(damaged), readFileSync(manifestFile(file)));
    await expect(restoreFrom(damaged, await emptyTarget(), TEST_KEYS)).rejects.toThrow(/备份文件与其清单不符/);
    writeFileSync(manifestFile(damaged), 'not json');
    await expect(restoreFrom(damaged, await emptyTarget(), TEST_KEYS)).rejects.toThrow(/不是本系统的备份清单/);
  });

  it('reports a restore that does not match its manifest', async () => {
    const manifest = JSON.parse(readFileSync(manifestFile(file), 'utf8')) as Manifest;
    const edited = join(dir, 'edited');
    writeFileSync(edited, readFileSync(file));
    const schools = manifest.tables['public.schools']!;
    writeFileSync(
      manifestFile(edited),
      JSON.stringify({ ...manifest, tables: { ...manifest.tables, 'public.schools': { ...schools, rows: schools.rows + 1 } } }),
    );
    const report = await restoreFrom(edited, await emptyTarget(), TEST_KEYS);
    expect(report.differences).toEqual([`public.schools：行数 ${schools.rows + 1} → ${schools.rows}`]);
  });
});
