/**
 * hyedu database command line.
 *   pnpm db migrate | seed | audit verify
 *   pnpm db backup <file>    the whole database into <file> and its manifest <file>.json (PGlite: stop the server first)
 *   pnpm db restore <file>   into an empty database (DATABASE_URL) or an empty folder (HYEDU_DATA_DIR), then checked
 *   pnpm registry list
 *   pnpm registry set <module> [--entry URL] [--version x.y.z] [--enable|--disable]
 *   pnpm registry origins | origin add <https://host[:port]> --note 说明 | origin remove <origin>
 * Uses DATABASE_URL (PostgreSQL) if set, otherwise PGlite in HYEDU_DATA_DIR (default .data/pglite).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { DEMO_AS_OF, ModuleKey } from '@hyedu/domain';
import { verifyAuditChain } from './audit.ts';
import { backupTo, restoreFrom } from './backup.ts';
import { defaultDataDir, migrate, openDatabase } from './client.ts';
import { addModuleOrigin, moduleOriginRows, RegistryRefusal, removeModuleOrigin } from './module-origins.ts';
import { setModuleEntry } from './registry.ts';
import { modules } from './schema/index.ts';
import { loadSecrets } from './secrets.ts';
import { seedDemoData } from './seed/index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    entry: { type: 'string' },
    version: { type: 'string' },
    enable: { type: 'boolean' },
    disable: { type: 'boolean' },
    note: { type: 'string' },
  },
});

const secrets = loadSecrets({ allowLocal: process.env.NODE_ENV !== 'production' });

/** A refusal (no such file, a target that is not empty, pg_dump failing) as its message, not a stack. */
const refused = (e: unknown) => {
  console.error((e as Error).message);
  process.exit(2);
};

// A restore opens its target itself (it must be empty); a backup takes the database as it is (no migration first).
if (positionals[0] === 'restore' && positionals[1]) {
  const dataDir = process.env.HYEDU_DATA_DIR ?? defaultDataDir;
  const report = await restoreFrom(positionals[1], { url: process.env.DATABASE_URL, dataDir }, secrets).catch(refused);
  console.log(
    `已恢复（${report.engine}，${report.seconds.toFixed(1)} 秒）：${report.tables} 张表 ${report.rows.toLocaleString('en-US')} 行，备份时间 ${report.manifest.takenAt}`,
  );
  for (const d of report.differences) console.error(`  与备份不符：${d}`);
  console.log(report.chain.ok ? `审计链完整：${report.chain.checked} 条` : `审计链断裂：记录 #${report.chain.firstBroken?.id}`);
  process.exit(report.differences.length === 0 && report.chain.ok ? 0 : 1);
}

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HYEDU_DATA_DIR, keys: secrets });
if (positionals[0] === 'backup' && positionals[1]) {
  const outcome = await backupTo(database, positionals[1], process.env.DATABASE_URL).catch((e: unknown) => e as Error);
  await database.close();
  if (outcome instanceof Error) refused(outcome);
  else {
    const rows = Object.values(outcome.manifest.tables).reduce((a, t) => a + t.rows, 0);
    console.log(
      `已备份（${database.engine}）：${Object.keys(outcome.manifest.tables).length} 张表 ${rows.toLocaleString('en-US')} 行 → ${positionals[1]}（${(outcome.bytes / 1048576).toFixed(1)} MB）与清单 ${positionals[1]}.json`,
    );
  }
  process.exit(0);
}
try {
  await migrate(database);
  const [cmd, sub, key, arg] = positionals;
  const who = { actor: `cli:${userInfo().username}`, source: 'cli' };
  if (cmd === 'migrate') {
    console.log(`已迁移：${database.engine} ${database.location}`);
  } else if (cmd === 'seed') {
    console.log(await seedDemoData(database.db, { dataKey: secrets.dataKey, indexKey: secrets.indexKey, today: DEMO_AS_OF }));
  } else if (cmd === 'registry' && sub === 'list') {
    console.table(await database.db.select().from(modules).orderBy(asc(modules.sortOrder)));
  } else if (cmd === 'registry' && sub === 'set' && key) {
    const change = {
      ...(values.entry ? { remoteEntry: values.entry } : {}),
      ...(values.version ? { version: values.version } : {}),
      ...(values.enable ? { enabled: true } : values.disable ? { enabled: false } : {}),
    };
    const row = await setModuleEntry(database, ModuleKey.parse(key), change, who);
    console.log(`已更新模块 ${row.key}：${row.remoteEntry}（${row.version}，${row.enabled ? '启用' : '停用'}）`);
  } else if (cmd === 'registry' && sub === 'origins') {
    console.table(await moduleOriginRows(database.db));
  } else if (cmd === 'registry' && sub === 'origin' && key === 'add' && arg) {
    const row = await addModuleOrigin(database, { origin: arg, note: values.note ?? '' }, who);
    console.log(`已登记模块来源 ${row.origin}（${row.note}）；服务器在5秒内按新名单更新内容安全策略`);
  } else if (cmd === 'registry' && sub === 'origin' && key === 'remove' && arg) {
    const [row] = (await moduleOriginRows(database.db)).filter((r) => r.origin === arg);
    await removeModuleOrigin(database, { origin: arg, expectedVersion: row?.version ?? 0 }, who);
    console.log(`已移除模块来源 ${arg}`);
  } else if (cmd === 'audit' && sub === 'verify') {
    const report = await verifyAuditChain(database.db, database.auditKey);
    if (report.ok) {
      console.log(`审计链完整：已校验 ${report.checked} 条记录`);
    } else {
      console.error(`审计链断裂：第一处在记录 #${report.firstBroken?.id}（${report.firstBroken?.reason}）；此前 ${report.checked} 条完好`);
      process.exitCode = 1;
    }
  } else {
    console.error(
      '用法：db migrate | db seed | db audit verify | db backup <文件> | db restore <文件> | registry list | registry set <模块> [--entry URL] [--version x.y.z] [--enable|--disable] | registry origins | registry origin add <来源> --note 说明 | registry origin remove <来源>',
    );
    process.exitCode = 2;
  }
} catch (e) {
  // A refused input (zod's issues) or change: its Chinese message, not a stack.
  const issues = e instanceof Error && e.name === 'ZodError' ? (e as Error & { issues: { message: string }[] }).issues : null;
  if (!issues && !(e instanceof RegistryRefusal)) throw e;
  console.error(issues ? issues.map((i) => i.message).join('；') : (e as Error).message);
  process.exitCode = 2;
} finally {
  await database.close();
}
