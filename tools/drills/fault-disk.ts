// The embedded database's disk: its folder on a read-only mount (the server refuses to start, saying why in Chinese),
// and the disk filling up under imports (the import that does not fit is answered 503 in Chinese and leaves nothing,
// reads go on, and once space is freed the same import succeeds; the folder opens again whole, chain intact).
// Needs root (mount); root ignores file modes, so read-only is a read-only bind mount.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, like } from 'drizzle-orm';
import { DATABASE_UNAVAILABLE_MESSAGE, DEMO_AS_OF, openDatabase, tables, verifyAuditChain } from '@hyedu/db';
import { message, signIn } from '@hyedu/scale/client';
import { hazardFile } from './hazard-file.ts';
import { drillKeys, startPlatform, type DrillKeys } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';

const sh = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const megabytes = (dir: string) => Number(sh('du', '-sm', dir).split('\t')[0]);
const freeMegabytes = (dir: string) => {
  const s = statfsSync(dir);
  return (s.bavail * s.bsize) / 1048576;
};

export async function diskFaultDrill(o: { rows: number }): Promise<FaultDrill> {
  const f = new Findings('嵌入式数据库：只读目录与磁盘写满');
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-drill-disk-'));
  const keys = drillKeys();
  const base = join(dir, 'base');
  const mounts: string[] = [];
  try {
    await (await startPlatform({ keys, dataDir: base, seedScale: 0.01 })).stop();
    f.figure(`演示数据（1%）的数据目录：${megabytes(base)} MB`);
    await readOnly(f, keys, base, join(dir, 'ro'), mounts);
    await diskFull(f, keys, base, join(dir, 'small'), mounts, o.rows);
    return f.done();
  } catch (e) {
    return f.done(e);
  } finally {
    for (const m of mounts.reverse()) sh('umount', m);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readOnly(f: Findings, keys: DrillKeys, base: string, ro: string, mounts: string[]) {
  mkdirSync(ro);
  sh('mount', '--bind', base, ro);
  mounts.push(ro);
  sh('mount', '-o', 'remount,bind,ro', ro);
  const refused = await startPlatform({ keys, dataDir: ro }).then(
    async (s) => (await s.stop(), ''),
    (e: Error) => e.message,
  );
  const said = /启动失败：[^\n]*/.exec(refused)?.[0] ?? refused.slice(0, 200);
  f.figure(`只读挂载上启动：${said || '竟然启动了'}`);
  f.check('数据目录只读时拒绝启动，并用中文说明原因', /数据目录不可写.*只读/.test(said) && !/at |\.js:/.test(said));
  sh('umount', ro);
  mounts.pop();
}

async function diskFull(f: Findings, keys: DrillKeys, base: string, small: string, mounts: string[], rows: number) {
  mkdirSync(small);
  sh('mount', '-t', 'tmpfs', '-o', `size=${megabytes(base) + 40}m`, 'tmpfs', small);
  mounts.push(small);
  const data = join(small, 'pglite');
  sh('cp', '-a', `${base}/.`, `${data}/`);
  // Leave a few megabytes: a handful of imports fit, then one does not.
  const filler = join(small, 'filler');
  writeFileSync(filler, Buffer.alloc(Math.max(0, Math.floor(freeMegabytes(small) - 12)) * 1048576));
  const server = await startPlatform({ keys, dataDir: data });
  let expected = 0;
  let imported = 0;
  try {
    const county = await signIn(server.url, 'hengnan');
    const first = await county.query<{ total: number; rows: { schoolCode: string }[] }>('safety.hazards.list', { page: 1, pageSize: 50 });
    const file = await hazardFile(county, [...new Set(first.rows.map((r) => r.schoolCode))], rows, DEMO_AS_OF, 'C');
    const upload = { fileName: '隐患清单.xlsx', base64: file, dryRun: false };
    const total = async () => (await county.query<{ total: number }>('safety.hazards.list', { page: 1, pageSize: 1 })).total;
    expected = first.total;
    let refused: Awaited<ReturnType<typeof county.mutateRaw>> | undefined;
    let fitted = 0;
    for (let i = 0; i < 40 && !refused; i++) {
      const a = await county.mutateRaw('safety.hazards.import', upload);
      if (a.status !== 200) refused = a;
      else {
        fitted++;
        expected += rows;
        imported += rows;
      }
    }
    f.figure(
      `写满前导入成功 ${fitted} 次（每次 ${rows} 行），剩余 ${freeMegabytes(small).toFixed(1)} MB 时：${refused ? `${refused.status}「${message(refused)}」` : '始终未写满'}`,
    );
    f.check('写不下的导入答 503，中文说明未写入', refused?.status === 503 && message(refused) === DATABASE_UNAVAILABLE_MESSAGE);
    f.check('写满时没有留下半截导入', (await total()) === expected);
    f.check('写满时读取照常', (await county.queryRaw('safety.hazards.list', { page: 2, pageSize: 20 })).status === 200);
    rmSync(filler);
    const again = await county.mutateRaw('safety.hazards.import', upload);
    if (again.status === 200) {
      expected += rows;
      imported += rows;
    }
    f.check(`腾出空间后同一文件导入成功（${again.status}）`, again.status === 200 && (await total()) === expected);
  } finally {
    await server.stop();
  }
  // The folder opens again after all that, every committed row there and the chain whole.
  const database = await openDatabase({ dataDir: data, keys: keys.secrets });
  try {
    const h = tables.safetyHazards;
    const [row] = await database.db.select({ n: count() }).from(h).where(like(h.description, '演练C第%'));
    const chain = await verifyAuditChain(database.db, keys.secrets.auditKey);
    f.check(
      `重新打开数据目录：演练导入的隐患 ${row?.n} 条（应为 ${imported}），审计链${chain.ok ? '完整' : '断裂'}（${chain.checked} 条）`,
      row?.n === imported && chain.ok,
    );
  } finally {
    await database.close();
  }
}
