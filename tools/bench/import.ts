// `pnpm bench:import`: what the largest allowed Excel import (5,000 hazards) does to everybody else, on PostgreSQL and PGlite.
//   1. starts the real server on an empty database, which loads the full-size demo data (as bench:safety does);
//   2. the county account `hengnan` (衡南县) downloads the hazard template and fills 5,000 rows for its schools;
//   3. five readers of another county (`leiyang`, 耒阳市) read their hazard list's first page over HTTP, each waiting
//      READER_PAUSE_MS between calls (people clicking, not a flood): after a warm-up, first idle for IDLE_MS, then while hengnan checks
//      the file (the dry run) and while it imports it;
//   4. reports the readers' p50 / p99 idle and during, the import's own durations, and whether the readers' p99
//      during the import stays within idle p99 + 100 ms; writes tools/bench/results/import.md.
// PostgreSQL at HYEDU_BENCH_PG_URL (default 127.0.0.1:5432): a database `hyedu_bench_import` is created and dropped.
// The load generator shares the machine with the server. Not part of CI.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Running } from '@hyedu/e2e/server';
import { onBothEngines, startMeta } from './engines.ts';

const ENV = { HYEDU_RATE_LIMIT: '10000000', HYEDU_SEED_SCALE: '1', HYEDU_SERVE_STATIC: '0' };
const ROWS = Number(process.env.HYEDU_BENCH_IMPORT_ROWS ?? 5_000);
const READERS = 5;
const READER_PAUSE_MS = 50;
const WARMUP_MS = 5_000;
const IDLE_MS = 15_000;
/** The goal: readers' p99 during the import at most idle p99 + this. */
const BOUND_MS = 100;
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', process.env.HYEDU_BENCH_RESULT ?? 'import.md');
const HEADERS = { 'content-type': 'application/json', 'x-trpc-source': 'web' };

interface Stat {
  p50: number;
  p99: number;
  max: number;
  n: number;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)]!;
const stat = (xs: number[]): Stat | null => (xs.length ? { p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs), n: xs.length } : null);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const fmt = (s: Stat | null) => (s ? `${ms(s.p50)} / ${ms(s.p99)} ms（最大 ${ms(s.max)}，n=${s.n}）` : '—');

async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({ username, password: 'Demo#2022pass' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`${username} 登录失败：${res.status}`);
  return cookie;
}
async function query<T>(url: string, cookie: string, path: string, input?: unknown): Promise<T> {
  const res = await fetch(`${url}/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, {
    headers: { cookie, 'x-trpc-source': 'web' },
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
  return (JSON.parse(body) as { result: { data: T } }).result.data;
}
async function mutate<T>(url: string, cookie: string, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}/api/trpc/${path}`, { method: 'POST', headers: { ...HEADERS, cookie }, body: JSON.stringify(input) });
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
  return (JSON.parse(body) as { result: { data: T } }).result.data;
}

/** The county's template filled with ROWS hazards, each different (no duplicate rows). */
async function workbook(url: string, cookie: string): Promise<string> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const r = await query<{ total: number; rows: { code: string }[] }>(url, cookie, 'platform.schools', {
      unitCode: '430422',
      page,
      pageSize: 100,
    });
    codes.push(...r.rows.map((s) => s.code));
    if (codes.length >= r.total || r.rows.length === 0) break;
  }
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const template = await query<{ base64: string }>(url, cookie, 'safety.hazards.template');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('隐患清单')!;
  for (let i = 0; i < ROWS; i++) {
    ws.getRow(3 + i).values = [
      codes[i % codes.length]!,
      '',
      today,
      '学校自查',
      '消防',
      i % 50 === 0 ? '重大' : '一般',
      `${(i % 5) + 1}号楼`,
      `第${i + 1}处：疏散指示标志损坏，需更换`,
      '王志强',
      today,
      '更换疏散指示标志',
    ];
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Five readers reading until stopped; each sample is tagged with the phase it started in. */
function readers(url: string, cookie: string) {
  let phase = 'warmup';
  let running = true;
  const samples = new Map<string, number[]>();
  const errors: string[] = [];
  const target = `${url}/api/trpc/safety.hazards.list?input=${encodeURIComponent(JSON.stringify({ page: 1, pageSize: 20 }))}`;
  const loops = Array.from({ length: READERS }, async () => {
    while (running) {
      const p = phase;
      const t = performance.now();
      try {
        const res = await fetch(target, { headers: { cookie, 'x-trpc-source': 'web' } });
        await res.text();
        const took = performance.now() - t;
        if (!res.ok) errors.push(String(res.status));
        else (samples.get(p) ?? samples.set(p, []).get(p)!).push(took);
      } catch (e) {
        // A kept-alive connection the server closed as the client reused it (ECONNRESET): counted, not measured.
        errors.push(`${p}: ${(e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`);
      }
      await sleep(READER_PAUSE_MS);
    }
  });
  return {
    set: (p: string) => void (phase = p),
    async stop() {
      running = false;
      await Promise.all(loops);
      return { samples, errors };
    },
  };
}

interface Result {
  engine: string;
  idle: Stat | null;
  check: Stat | null;
  commit: Stat | null;
  checkSeconds: number;
  commitSeconds: number;
  imported: number;
  errors: string[];
  phases: PhaseStat[];
}

/**
 * Follows the import's phases (platform.importProgress, as the import dialog does) and labels the readers' samples
 * with them, so the report shows which phase holds readers up; returns when each phase began.
 */
function followPhases(url: string, cookie: string, key: string, prefix: string, r: ReturnType<typeof readers>) {
  const began = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const p = await query<{ phase: string } | null>(url, cookie, 'platform.importProgress', { key }).catch(() => null);
      if (p && running && !began.has(p.phase)) {
        began.set(p.phase, performance.now());
        r.set(`${prefix}:${p.phase}`);
      }
      await sleep(20);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return began;
  };
}

/** Seconds each phase lasted, from when it began to when the next began (the last: to `end`). */
function phaseSeconds(began: Map<string, number>, end: number): [string, number][] {
  const order = [...began.entries()].sort((a, b) => a[1] - b[1]);
  return order.map(([phase, at], i) => [phase, ((order[i + 1]?.[1] ?? end) - at) / 1000]);
}

/** Runs one import call (dry run or not) with its phases followed; returns the answer, its duration and its phases. */
async function importWhileReading<T>(url: string, cookie: string, base64: string, dryRun: boolean, r: ReturnType<typeof readers>) {
  const key = `bench-${dryRun ? 'check' : 'commit'}-${Date.now()}`;
  const prefix = dryRun ? 'check' : 'commit';
  r.set(prefix);
  const stopFollowing = followPhases(url, cookie, key, prefix, r);
  const t = performance.now();
  const answer = await mutate<T>(url, cookie, 'safety.hazards.import', { fileName: '隐患清单.xlsx', base64, dryRun, progressKey: key });
  const end = performance.now();
  const phases = phaseSeconds(await stopFollowing(), end).filter(([p]) => p !== 'done');
  return { answer, seconds: (end - t) / 1000, phases };
}

interface PhaseStat {
  label: string;
  seconds: number;
  stat: Stat | null;
}

async function measure(engine: string, server: Running): Promise<Result> {
  const importer = await signIn(server.url, 'hengnan');
  const reader = await signIn(server.url, 'leiyang');
  const base64 = await workbook(server.url, importer);
  console.log(`  ${engine}：${ROWS} 行的工作簿 ${((base64.length * 0.75) / 1024).toFixed(0)} KB`);
  const r = readers(server.url, reader);
  r.set('warmup');
  await sleep(WARMUP_MS);
  r.set('idle');
  await sleep(IDLE_MS);
  const dry = await importWhileReading<{ rows: number; errorCount: number; errors: string[] }>(server.url, importer, base64, true, r);
  if (dry.answer.errorCount) throw new Error(`检查未通过：${dry.answer.errors.slice(0, 3).join('；')}`);
  r.set('between');
  await sleep(1_000);
  const done = await importWhileReading<{ imported: number }>(server.url, importer, base64, false, r);
  r.set('after');
  await sleep(500);
  const { samples, errors } = await r.stop();
  const during = (prefix: string) =>
    stat([...samples.entries()].filter(([k]) => k === prefix || k.startsWith(`${prefix}:`)).flatMap(([, v]) => v));
  const phases: PhaseStat[] = [
    ...dry.phases.map(([p, sec]) => ['check', p, sec] as const),
    ...done.phases.map(([p, sec]) => ['commit', p, sec] as const),
  ].map(([prefix, p, sec]) => ({
    label: `${prefix === 'check' ? '检查' : '导入'}·${PHASE_NAMES[p] ?? p}`,
    seconds: sec,
    stat: stat(samples.get(`${prefix}:${p}`) ?? []),
  }));
  const result: Result = {
    engine,
    idle: stat(samples.get('idle') ?? []),
    check: during('check'),
    commit: during('commit'),
    checkSeconds: dry.seconds,
    commitSeconds: done.seconds,
    imported: done.answer.imported,
    errors,
    phases,
  };
  console.log(
    `  ${engine} 空闲 ${fmt(result.idle)} | 检查中 ${fmt(result.check)}（${dry.seconds.toFixed(1)} s）| 导入中 ${fmt(result.commit)}（${done.seconds.toFixed(1)} s，导入 ${done.answer.imported} 行）`,
  );
  for (const ph of phases) console.log(`    ${ph.label} ${ph.seconds.toFixed(2)} s：读者 ${fmt(ph.stat)}`);
  return result;
}

const PHASE_NAMES: Record<string, string> = { parsing: '解析', checking: '校验', writing: '暂存', publishing: '发布' };

function verdict(r: Result): string {
  if (!r.idle || !r.commit) return '—';
  const worst = Math.max(r.commit.p99, r.check?.p99 ?? 0);
  const limit = r.idle.p99 + BOUND_MS;
  return worst <= limit ? `✓（${ms(worst)} ≤ ${ms(limit)} ms）` : `✗（${ms(worst)} > ${ms(limit)} ms）`;
}

function report(results: Result[], meta: string[]): string {
  const lines = [
    '# bench:import — 5,000 行隐患导入期间其他县市区的读取',
    '',
    ...meta.map((m) => `- ${m}`),
    `- 读者：${READERS} 个 leiyang（耒阳市）会话并发读取 safety.hazards 第1页（每次间隔 ${READER_PAUSE_MS} ms）；导入者：hengnan（衡南县）导入 ${ROWS} 行隐患（先“检查”即 dryRun，再“导入”）。`,
    `- 目标：导入期间读者 p99 ≤ 空闲 p99 + ${BOUND_MS} ms（检查与导入两段都算）。`,
    '',
    '| 引擎 | 空闲 p50 / p99 | 检查期间 p50 / p99 | 导入期间 p50 / p99 | 检查耗时 | 导入耗时 | 导入行数 | 是否达标 |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${fmt(r.idle)} | ${fmt(r.check)} | ${fmt(r.commit)} | ${r.checkSeconds.toFixed(1)} s | ${r.commitSeconds.toFixed(1)} s | ${r.imported} | ${verdict(r)}${r.errors.length ? `；读取错误 ${r.errors.length} 次` : ''} |`,
    ),

    '',
    '各阶段（由 platform.importProgress 跟踪，与导入对话框的进度条相同）期间读者的耗时：',
    '',
    '| 引擎 | 阶段 | 时长 | 读者 p50 / p99 |',
    '|---|---|---|---|',
    ...results.flatMap((r) => r.phases.map((p) => `| ${r.engine} | ${p.label} | ${p.seconds.toFixed(2)} s | ${fmt(p.stat)} |`)),
  ];
  return lines.join('\n') + '\n';
}

const results: Result[] = [];
await onBothEngines(
  { database: 'hyedu_bench_import', env: ENV, meta: startMeta(), resultsFile: RESULTS, report: (meta) => report(results, meta) },
  async ({ engine, server }) => void results.push(await measure(engine, server)),
);
