/**
 * hyedu database command line.
 *   pnpm db migrate | seed | audit verify
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
import { migrate, openDatabase } from './client.ts';
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
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HYEDU_DATA_DIR, keys: secrets });
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
      '用法：db migrate | db seed | db audit verify | registry list | registry set <模块> [--entry URL] [--version x.y.z] [--enable|--disable] | registry origins | registry origin add <来源> --note 说明 | registry origin remove <来源>',
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
