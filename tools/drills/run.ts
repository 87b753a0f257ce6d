// The operators' drills, each with its figures and a PASS/FAIL line; exits 1 when one fails.
//   --ports: two ports for the drill's own clusters (or its balancer); without it, two free ones.
//   pnpm drill backup [--engine both|pglite|postgresql] [--scale 0.1]   backup and restore (backup.ts) on each engine;
//       PostgreSQL: HYEDU_DRILL_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), where the drill creates and
//       drops its own databases.
//   pnpm drill failover [--ports 5441,5442] [--seconds 4]   the primary lost under writes, the standby promoted
//       (failover.ts, on clusters of its own); then the same with asynchronous replication as the control case; then the
//       platform over both hosts losing its primary (promotion.ts): it must find the promoted standby by itself.
//   pnpm drill faults [--only database,audit,instance,disk,modules] [--ports 5441,5442] [--rows 500]   the fault drills
//       (faults.ts): PostgreSQL of their own on the first port, the balancer on the second; disk needs root (mount),
//       modules the production build and Chromium.
//   pnpm drill standby [--ports 5441,5442]   the platform reading its lists from a synchronous standby of its own
//       (standby.ts): read-your-writes with the replay paused, the lag limit, the standby killed under reads.
//   pnpm drill migrations [--engine both] [--from <git ref>]   empty → this release and migrating twice on each engine;
//       the previous release (its own checkout, its demo data) → this release on PostgreSQL (HYEDU_DRILL_PG_URL).
import { parseArgs } from 'node:util';
import type { Engine } from '@hyedu/db';
import { backupDrill, describeDrill } from './backup.ts';
import { freePorts } from './clusters.ts';
import { describeFailover, failoverDrill } from './failover.ts';
import { FAULT_NAMES, FAULTS, type FaultName } from './faults.ts';
import { migrationsDrill } from './migrations.ts';
import { promotionDrill } from './promotion.ts';
import { describeFault } from './report.ts';
import { standbyDrill } from './standby.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'both' },
    scale: { type: 'string', default: '0.1' },
    ports: { type: 'string' },
    seconds: { type: 'string', default: '4' },
    only: { type: 'string', default: FAULT_NAMES.join(',') },
    rows: { type: 'string', default: '500' },
    from: { type: 'string' },
  },
});

const USAGE = [
  '用法：',
  '  pnpm drill backup [--engine both|pglite|postgresql] [--scale 0.01–1]',
  '  pnpm drill failover [--ports 两个不同的端口，1024–65535，不能是 5432] [--seconds 1–600]',
  `  pnpm drill faults [--only ${FAULT_NAMES.join(',')}] [--ports 两个端口] [--rows 1–20000]`,
  '  pnpm drill standby [--ports 两个端口]',
  '  pnpm drill migrations [--engine both|pglite|postgresql] [--from 上一版本的 git 标签或提交]',
].join('\n');
const refuse = () => {
  console.error(USAGE);
  process.exit(2);
};

// Without --ports, two free ones (a fixed default may be held by another cluster or an earlier run).
const ports = values.ports ? (values.ports.split(',').map(Number) as [number, number]) : await freePorts();
const port = (p: number) => Number.isInteger(p) && p >= 1024 && p <= 65535 && p !== 5432;
const portsOk = ports.length === 2 && ports.every(port) && ports[0] !== ports[1];

if (positionals[0] === 'faults') {
  const only = values.only.split(',') as FaultName[];
  const rows = Number(values.rows);
  if (!portsOk || !only.every((n) => FAULT_NAMES.includes(n)) || !(Number.isInteger(rows) && rows >= 1 && rows <= 20_000)) refuse();
  let failed = 0;
  for (const name of only) {
    const drill = await FAULTS[name]({ ports, rows });
    for (const line of describeFault(drill)) console.log(line);
    if (!drill.passed) failed++;
  }
  console.log(failed ? `FAIL：${failed} 项故障演练未通过` : `PASS：故障演练（${only.join('、')}）`);
  process.exit(failed ? 1 : 0);
}

if (positionals[0] === 'standby') {
  if (!portsOk) refuse();
  const drill = await standbyDrill({ ports });
  for (const line of describeFault(drill)) console.log(line);
  process.exit(drill.passed ? 0 : 1);
}

const adminUrl = process.env.HYEDU_DRILL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgresql'] : [values.engine as Engine];
if (!engines.every((e) => e === 'pglite' || e === 'postgresql')) refuse();

if (positionals[0] === 'migrations') {
  const drill = await migrationsDrill({ engines, adminUrl, from: values.from });
  for (const line of describeFault(drill)) console.log(line);
  process.exit(drill.passed ? 0 : 1);
}

if (positionals[0] === 'failover') {
  const seconds = Number(values.seconds);
  if (!portsOk || !(seconds >= 1 && seconds <= 600)) refuse();
  const drill = await failoverDrill({ ports, writers: 4, seconds });
  for (const line of describeFailover(drill)) console.log(line);
  const control = await failoverDrill({ ports, writers: 4, seconds, synchronous: false });
  console.log(`对照（异步复制，同样的故障）：已确认 ${control.acknowledged} 行，丢失 ${control.lost} 行——同步复制的作用正在于此`);
  const platform = await promotionDrill({ ports, writers: 3, seconds });
  for (const line of describeFault(platform)) console.log(line);
  const passed = drill.passed && platform.passed;
  console.log(passed ? 'PASS：主库丢失演练' : 'FAIL：主库丢失演练');
  process.exit(passed ? 0 : 1);
}

const scale = Number(values.scale);
if (positionals[0] !== 'backup' || !(scale > 0 && scale <= 1)) refuse();
let failed = 0;
for (const engine of engines) {
  const drill = await backupDrill({ engine, scale, adminUrl });
  for (const line of describeDrill(drill)) console.log(line);
  if (!drill.passed) failed++;
}
console.log(failed ? `FAIL：${failed} 个引擎的演练未通过` : `PASS：备份与恢复演练（${engines.join('、')}）`);
process.exit(failed ? 1 : 0);
