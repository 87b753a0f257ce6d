/**
 * hyedu database command line.
 *   pnpm db migrate | seed | audit verify
 *   pnpm registry list
 *   pnpm registry set <module> [--entry URL] [--version x.y.z] [--enable|--disable]
 * Uses DATABASE_URL (PostgreSQL) if set, otherwise PGlite in HYEDU_DATA_DIR (default .data/pglite).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { ModuleKey } from '@hyedu/domain';
import { verifyAuditChain } from './audit.ts';
import { migrate, openDatabase } from './client.ts';
import { setModuleEntry } from './registry.ts';
import { modules } from './schema/index.ts';
import { loadSecrets } from './secrets.ts';
import { seedDemoData } from './seed/index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { entry: { type: 'string' }, version: { type: 'string' }, enable: { type: 'boolean' }, disable: { type: 'boolean' } },
});

const secrets = loadSecrets({ allowLocal: process.env.NODE_ENV !== 'production' });
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HYEDU_DATA_DIR, keys: secrets });
try {
  await migrate(database);
  const [cmd, sub, key] = positionals;
  if (cmd === 'migrate') {
    console.log(`已迁移：${database.engine} ${database.location}`);
  } else if (cmd === 'seed') {
    console.log(await seedDemoData(database.db, { dataKey: secrets.dataKey }));
  } else if (cmd === 'registry' && sub === 'list') {
    console.table(await database.db.select().from(modules).orderBy(asc(modules.sortOrder)));
  } else if (cmd === 'registry' && sub === 'set' && key) {
    const change = {
      ...(values.entry ? { remoteEntry: values.entry } : {}),
      ...(values.version ? { version: values.version } : {}),
      ...(values.enable ? { enabled: true } : values.disable ? { enabled: false } : {}),
    };
    const row = await setModuleEntry(database, ModuleKey.parse(key), change, { actor: `cli:${userInfo().username}`, source: 'cli' });
    console.log(`已更新模块 ${row.key}：${row.remoteEntry}（${row.version}，${row.enabled ? '启用' : '停用'}）`);
  } else if (cmd === 'audit' && sub === 'verify') {
    const report = await verifyAuditChain(database.db, database.auditKey);
    if (report.ok) {
      console.log(`审计链完整：已校验 ${report.checked} 条记录`);
    } else {
      console.error(`审计链断裂：第一处在记录 #${report.firstBroken?.id}（${report.firstBroken?.reason}）；此前 ${report.checked} 条完好`);
      process.exitCode = 1;
    }
  } else {
    console.error('用法：db migrate | db seed | db audit verify | registry list | registry set <模块> [--entry URL] [--version x.y.z] [--enable|--disable]');
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
