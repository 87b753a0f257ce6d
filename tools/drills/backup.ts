// The backup and restore drill, on one engine: a database with the demo data (and the sign-ins of every role in its audit
// chain) is backed up with `pnpm db backup`'s function, restored into an empty database or folder, brought to this
// release's schema, compared table by table with the backup's manifest (rows and fingerprints), its audit chain verified,
// and then every role signs in once on the restored system — whose chain must still verify after those new records.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { signIn } from '@hyedu/api/testing';
import {
  backupTo,
  DEMO_AS_OF,
  migrate,
  openDatabase,
  restoreFrom,
  seedDemoData,
  verifyAuditChain,
  type Engine,
  type RestoreReport,
  type Secrets,
} from '@hyedu/db';

/** One account of each role the demo data has (the administrators sign in with their second factor). */
export const ROLE_ACCOUNTS = ['leader', 'safety', 'hengnan', 'school', 'sysadmin', 'secadmin', 'auditor'] as const;

export interface DrillOptions {
  engine: Engine;
  /** Share of the full demo data. */
  scale: number;
  /** PostgreSQL: a connection string to a database the drill may create and drop databases from. */
  adminUrl?: string;
}

export interface BackupDrill {
  engine: Engine;
  seconds: { seed: number; backup: number; restore: number };
  bytes: number;
  restore: RestoreReport;
  signedIn: string[];
  refused: string[];
  /** The chain after the restored system's own sign-ins. */
  chainAfter: { ok: boolean; checked: number };
  passed: boolean;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function backupDrill(o: DrillOptions): Promise<BackupDrill> {
  // Keys of their own: the restore must verify the chain with the keys of the system that was backed up.
  const keys: Secrets = { auditKey: randomBytes(32), dataKey: randomBytes(32), indexKey: randomBytes(32) };
  const dir = mkdtempSync(join(tmpdir(), `hyedu-drill-backup-${o.engine}-`));
  const names = { source: `hyedu_drill_src_${process.pid}`, target: `hyedu_drill_dst_${process.pid}` };
  const urlOf = (name: string) => {
    const u = new URL(o.adminUrl!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: o.adminUrl });
    await c.connect();
    await c.query(query).finally(() => c.end());
  };
  if (o.engine === 'postgresql') {
    if (!o.adminUrl) throw new Error('PostgreSQL 演练需要连接串');
    for (const n of Object.values(names)) await admin(`drop database if exists ${n} with (force)`);
    for (const n of Object.values(names)) await admin(`create database ${n}`);
  }
  const source = o.engine === 'postgresql' ? { url: urlOf(names.source) } : { dataDir: join(dir, 'source') };
  const target = o.engine === 'postgresql' ? { url: urlOf(names.target) } : { dataDir: join(dir, 'restored') };
  const file = join(dir, o.engine === 'postgresql' ? 'hyedu.dump' : 'hyedu.tar.gz');
  try {
    let t = performance.now();
    const db = await openDatabase({ ...source, keys });
    let bytes = 0;
    let seed = 0;
    let backup = 0;
    try {
      await migrate(db);
      await seedDemoData(db.db, { scale: o.scale, seed: 20220414, today: DEMO_AS_OF, dataKey: keys.dataKey, indexKey: keys.indexKey });
      for (const user of ROLE_ACCOUNTS) await signIn(db, user);
      seed = seconds(t);
      t = performance.now();
      bytes = (await backupTo(db, file, source.url)).bytes;
      backup = seconds(t);
    } finally {
      await db.close();
    }
    t = performance.now();
    const restore = await restoreFrom(file, target, keys);
    const restoreSeconds = seconds(t);
    const restored = await openDatabase({ ...target, keys });
    const signedIn: string[] = [];
    const refused: string[] = [];
    let chainAfter: { ok: boolean; checked: number };
    try {
      for (const user of ROLE_ACCOUNTS) {
        const cookie = await signIn(restored, user).catch(() => '');
        (cookie ? signedIn : refused).push(user);
      }
      chainAfter = await verifyAuditChain(restored.db, keys.auditKey);
    } finally {
      await restored.close();
    }
    const passed =
      restore.differences.length === 0 &&
      restore.chain.ok &&
      chainAfter.ok &&
      chainAfter.checked > restore.chain.checked &&
      refused.length === 0;
    return { engine: o.engine, seconds: { seed, backup, restore: restoreSeconds }, bytes, restore, signedIn, refused, chainAfter, passed };
  } finally {
    if (o.engine === 'postgresql') for (const n of Object.values(names)) await admin(`drop database if exists ${n} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The drill's figures in lines, the last one PASS or FAIL. */
export function describeDrill(d: BackupDrill): string[] {
  const r = d.restore;
  return [
    `【${d.engine}】演示数据与各角色登录 ${d.seconds.seed.toFixed(1)} 秒；备份 ${d.seconds.backup.toFixed(1)} 秒，${(d.bytes / 1048576).toFixed(1)} MB`,
    `  恢复到空${d.engine === 'postgresql' ? '数据库' : '数据目录'}、迁移与核对 ${d.seconds.restore.toFixed(1)} 秒：${r.tables} 张表 ${r.rows.toLocaleString('en-US')} 行，与备份清单不符 ${r.differences.length} 张${r.differences.length ? `（${r.differences.join('；')}）` : ''}`,
    `  审计链：恢复后 ${r.chain.ok ? '完整' : '断裂'}（${r.chain.checked} 条），各角色再登录后 ${d.chainAfter.ok ? '完整' : '断裂'}（${d.chainAfter.checked} 条）`,
    `  各角色登录：${d.signedIn.join('、') || '无'}${d.refused.length ? `；失败：${d.refused.join('、')}` : ''}`,
    `  ${d.passed ? 'PASS' : 'FAIL'} 备份与恢复（${d.engine}）`,
  ];
}
