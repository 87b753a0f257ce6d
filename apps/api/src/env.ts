import { z } from 'zod';

/** The server's whole configuration, read once and validated. Nothing else reads process.env. */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** A standby of the PostgreSQL at DATABASE_URL that lists are read from (docs/OPERATIONS.md). */
  DATABASE_STANDBY_URL: z.string().optional(),
  /** A standby further behind the primary than this many seconds is not read (default 5). */
  HYEDU_STANDBY_MAX_LAG: z.coerce.number().min(0.1).max(3600).default(5),
  HYEDU_DATA_DIR: z.string().optional(),
  /**
   * PostgreSQL connections per instance (default 10). Several instances share the server's connections: with N of
   * them, N × this stays under the server's max_connections, and on few cores a smaller pool each keeps the server
   * from running more queries at once than it has cores for.
   */
  HYEDU_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Load the demo data on an empty database (default on). */
  HYEDU_SEED: z.enum(['0', '1']).default('1'),
  /** Fraction of the demo school registry to load (1 = the whole ~2,400 schools). */
  HYEDU_SEED_SCALE: z.coerce.number().min(0.01).max(1).default(1),
  /** Serve the built portal and remotes (default on); off for API-only development. */
  HYEDU_SERVE_STATIC: z.enum(['0', '1']).default('1'),
  /** API requests per minute per client IP (offices share one NAT address: keep it generous). */
  HYEDU_RATE_LIMIT: z.coerce.number().int().min(10).max(10_000_000).default(3000),
  /** The business “today” (as-of date, YYYY-MM-DD) figures are computed for. Default: the demo's DEMO_AS_OF when the demo
   *  data is loaded (HYEDU_SEED=1 outside production), else the real Beijing date. */
  HYEDU_AS_OF: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为 YYYY-MM-DD' })
    .optional(),
  /**
   * The load balancer's or TLS front's addresses (comma-separated IPs or CIDR ranges). Only a request from one of them
   * may name the client's address and scheme (X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host); from anyone
   * else those headers are ignored. Default: none.
   */
  HYEDU_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)(\/\d{1,3})?$/, { message: '应为 IP 地址或 CIDR 网段，以逗号分隔' })),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof Env>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置错误：\n${lines}`);
  }
  return parsed.data;
}
