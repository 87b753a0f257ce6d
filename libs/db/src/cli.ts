/**
 * hyedu database command line.
 *   pnpm db migrate | seed | status
 *   pnpm registry list
 *   pnpm registry set <module> [--entry URL] [--version x.y.z] [--enable|--disable]
 * Uses DATABASE_URL (PostgreSQL) if set, otherwise PGlite in HYEDU_DATA_DIR (default .data/pglite).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { ModuleKey } from '@hyedu/domain';
import { migrate, openDatabase } from './client.ts';
import { setModuleEntry } from './registry.ts';
import { modules } from './schema/index.ts';
import { seedDemoData } from './seed/index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { entry: { type: 'string' }, version: { type: 'string' }, enable: { type: 'boolean' }, disable: { type: 'boolean' } },
});

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HYEDU_DATA_DIR });
try {
  await migrate(database);
  const [cmd, sub, key] = positionals;
  if (cmd === 'migrate') {
    console.log(`已迁移：${database.engine} ${database.location}`);
  } else if (cmd === 'seed') {
    console.log(await seedDemoData(database.db));
  } else if (cmd === 'registry' && sub === 'list') {
    console.table(await database.db.select().from(modules).orderBy(asc(modules.sortOrder)));
  } else if (cmd === 'registry' && sub === 'set' && key) {
    const change = {
      ...(values.entry ? { remoteEntry: values.entry } : {}),
      ...(values.version ? { version: values.version } : {}),
      ...(values.enable ? { enabled: true } : values.disable ? { enabled: false } : {}),
    };
    const row = await setModuleEntry(database.db, ModuleKey.parse(key), change, { actor: `cli:${userInfo().username}`, source: 'cli' });
    console.log(`已更新模块 ${row.key}：${row.remoteEntry}（${row.version}，${row.enabled ? '启用' : '停用'}）`);
  } else {
    console.error('用法：db migrate | db seed | registry list | registry set <模块> [--entry URL] [--version x.y.z] [--enable|--disable]');
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
