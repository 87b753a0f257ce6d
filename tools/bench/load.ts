// `pnpm bench:load`: the load drill (load-drill.ts) at the size and its results in tools/bench/results/load.md.
//   pnpm bench:load [--clients 50] [--minutes 10] [--spike 200] [--spike-seconds 60] [--runs 3] [--scale 0.1] [--port 8447]
// Two instances over PostgreSQL (a fresh database hyedu_bench_load on HYEDU_BENCH_PG_URL's server) behind the balancer.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeCalls, describeLoad, loadDrill } from './load-drill.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    minutes: { type: 'string', default: '10' },
    spike: { type: 'string', default: '200' },
    'spike-seconds': { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    scale: { type: 'string', default: '0.1' },
    port: { type: 'string', default: '8447' },
  },
});
const n = (v: string, min: number, max: number) => {
  const x = Number(v);
  if (!(x >= min && x <= max)) {
    console.error(
      '用法：pnpm bench:load [--clients 1–500] [--minutes 0.1–120] [--spike 1–1000] [--spike-seconds 1–600] [--runs 1–10] [--scale 0.01–1] [--port 端口]',
    );
    process.exit(2);
  }
  return x;
};
const admin = new URL(process.env.HYEDU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
admin.pathname = '/hyedu_bench_load';
const options = {
  databaseUrl: admin.toString(),
  port: n(values.port, 1024, 65535),
  dir: mkdtempSync(join(tmpdir(), 'hyedu-bench-load-')),
  clients: n(values.clients, 1, 500),
  seconds: n(values.minutes, 0.1, 120) * 60,
  spikeClients: n(values.spike, 1, 1000),
  spikeSeconds: n(values['spike-seconds'], 1, 600),
  runs: n(values.runs, 1, 10),
  seedScale: n(values.scale, 0.01, 1),
};
const lines: string[] = [];
const say = (line: string) => (console.log(line), lines.push(line));
const drill = await loadDrill(options, say);
for (const line of describeLoad(drill)) say(line);

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'load.md');
writeFileSync(
  RESULTS,
  [
    '# Load drill (`pnpm bench:load`)',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores: two API instances over PostgreSQL behind nginx,`,
    `demo data at ${options.seedScale * 100} %, ${options.clients} clients for ${options.seconds / 60} min then ${options.spikeClients} for ${options.spikeSeconds} s, ${options.runs} runs;`,
    '80 % reads of ten common views (dashboard KPIs, plan tasks, hazard and activity lists, staff, aid payments, coverage), 20 % new safety activities by two counties.',
    '',
    '| run | phase | clients | requests | req/s | p50 ms | p99 ms | max ms | > 5 s | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...drill.runs.flatMap((r, i) =>
      (['steady', 'spike'] as const).map((k) => {
        const p = r[k];
        const errors = Object.values(p.errors).reduce((a, b) => a + b, 0);
        return `| ${i + 1} | ${k === 'steady' ? 'steady' : 'spike'} | ${p.clients} | ${p.requests} | ${p.perSecond.toFixed(0)} | ${p.p50.toFixed(0)} | ${p.p99.toFixed(0)} | ${p.maxMs.toFixed(0)} | ${p.overFiveSeconds} | ${errors} |`;
      }),
    ),
    '',
    `Memory (RSS per instance after each run, MB): ${drill.runs.map((r) => r.rssMb.map((m) => m.toFixed(0)).join(' / ')).join(' → ')}; largest growth after the first run (the warm-up) to the last ${drill.memoryGrowthMb.toFixed(0)} MB.`,
    '',
    `Afterwards: ${drill.acknowledged} acknowledged writes, ${drill.stored} drill records stored, ${drill.audited} audit records of them, chain ${drill.chain.ok ? 'verifies' : 'BROKEN'} (${drill.chain.checked} records). **${drill.passed ? 'PASS' : 'FAIL'}**`,
    '',
    "The last run's spike, its calls slowest first:",
    '',
    '```',
    ...describeCalls(drill.runs.at(-1)!.spike),
    '```',
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n'),
);
process.exit(drill.passed ? 0 : 1);
