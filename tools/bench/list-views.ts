// The one runner of the modules' list benches (`bench:private-edu`, `bench:teachers`, `bench:funding`): start the real
// server on an empty database that loads the full-size demo data, sign in as each user, call each view through the
// API (tRPC over HTTP: the router, context and checks the pages use) one request at a time, judge p99 against the
// budget and write the module's results file — PostgreSQL, then PGlite (HYEDU_BENCH_ENGINE=postgresql: PostgreSQL alone).
import { Api, serial, signIn, type Stat } from './calls.ts';
import { onBothEngines, startMeta } from './engines.ts';

export interface ListView {
  name: string;
  path: string;
  input?: unknown;
}

export interface ListBench {
  /** The results file's heading, e.g. 「bench:teachers — 教师队伍模块列表视图（全量数据，单连接）」. */
  title: string;
  /** A database created and dropped on PostgreSQL. */
  database: string;
  resultsFile: string;
  users: readonly string[];
  views: readonly ListView[];
  /** What the first start loads (for the results' notes), e.g. 「迁移 + 全量演示数据」. */
  loads: string;
  /** More lines for the results' notes. */
  notes?: readonly string[];
  p99Budget?: number;
  /** Measurements beyond the views, once per engine after them (a signed-in Api per user): lines for the results' notes. */
  after?: (signedIn: (user: string) => Promise<Api>, engine: string) => Promise<string[]>;
}

interface Row {
  engine: string;
  view: string;
  user: string;
  one: Stat | null;
  error?: string;
}

const ENV = { HYEDU_RATE_LIMIT: '10000000', HYEDU_SEED_SCALE: '1', HYEDU_SERVE_STATIC: '0' };
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const fmt = (s: Stat | null) => (s ? `${ms(s.p50)} / ${ms(s.p99)} ms (n=${s.n})` : '—');

export async function benchListViews(b: ListBench): Promise<void> {
  const budget = b.p99Budget ?? 60;
  const verdict = (r: Row) => (r.error ? `✗ 错误：${r.error}` : !r.one ? '—' : r.one.p99 <= budget ? '✓' : `✗ p99 > ${budget} ms`);
  const rows: Row[] = [];
  const meta = startMeta();
  const width = Math.max(...b.users.map((u) => u.length));
  await onBothEngines(
    {
      database: b.database,
      env: ENV,
      meta,
      resultsFile: b.resultsFile,
      report: (m) =>
        [
          `# ${b.title}`,
          '',
          ...m.map((x) => `- ${x}`),
          `- 预算：每个视图单连接 p99 ≤ ${budget} ms（20 并发的预算属于扩容议题）。`,
          ...(b.notes ?? []).map((x) => `- ${x}`),
          '',
          '| 引擎 | 视图 | 用户 | 1 连接 p50 / p99 | 是否在预算内 |',
          '|---|---|---|---|---|',
          ...rows.map((r) => `| ${r.engine} | ${r.view} | ${r.user} | ${fmt(r.one)} | ${verdict(r)} |`),
        ].join('\n') + '\n',
    },
    async ({ engine, server, startSeconds }) => {
      console.log(`\n${engine}：首次启动并载入全量数据 ${startSeconds.toFixed(1)} 秒`);
      meta.push(`${engine}：首次启动（${b.loads}）${startSeconds.toFixed(1)} 秒`);
      for (const user of b.users) {
        const api = new Api(server.url, await signIn(server.url, user));
        for (const view of b.views) {
          const url = api.url(view.path, view.input);
          const row: Row = { engine, view: view.name, user, one: null };
          try {
            row.one = await serial(() => api.timed(url));
          } catch (e) {
            row.error = (e as Error).message;
          }
          rows.push(row);
          console.log(`  ${engine} ${user.padEnd(width)} ${view.name.padEnd(24)} ${fmt(row.one)}  ${verdict(row)}`);
        }
      }
      if (b.after) {
        const lines = await b.after(async (user) => new Api(server.url, await signIn(server.url, user)), engine);
        for (const line of lines) console.log(`  ${line}`);
        meta.push(...lines);
      }
    },
  );
}
