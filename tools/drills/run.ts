// `pnpm drill backup [--engine both|pglite|postgresql] [--scale 0.1]`: the backup and restore drill (backup.ts) on each
// engine, its figures and a PASS/FAIL line per engine; exits 1 when one fails. PostgreSQL: HYEDU_DRILL_PG_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), where the drill creates and drops its own databases.
import { parseArgs } from 'node:util';
import type { Engine } from '@hyedu/db';
import { backupDrill, describeDrill } from './backup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { engine: { type: 'string', default: 'both' }, scale: { type: 'string', default: '0.1' } },
});
const scale = Number(values.scale);
const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgresql'] : [values.engine as Engine];
if (positionals[0] !== 'backup' || !(scale > 0 && scale <= 1) || !engines.every((e) => e === 'pglite' || e === 'postgresql')) {
  console.error('用法：pnpm drill backup [--engine both|pglite|postgresql] [--scale 0.01–1]');
  process.exit(2);
}
const adminUrl = process.env.HYEDU_DRILL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let failed = 0;
for (const engine of engines) {
  const drill = await backupDrill({ engine, scale, adminUrl });
  for (const line of describeDrill(drill)) console.log(line);
  if (!drill.passed) failed++;
}
console.log(failed ? `FAIL：${failed} 个引擎的演练未通过` : `PASS：备份与恢复演练（${engines.join('、')}）`);
process.exit(failed ? 1 : 0);
