// A primary that may move: DATABASE_URL may name several hosts (`postgres://user@db1:5432,db2:5432/hyedu`), the primary
// and its standbys, as libpq's multi-host strings do. node-postgres connects to one host only, so the instance keeps
// track of which one accepts writes (not in recovery) and opens every new connection there; after a failover it finds
// the promoted standby by itself, without a restart or a changed configuration.
import pg from 'pg';

export interface Endpoint {
  host: string;
  port: number;
}

export interface HostList {
  endpoints: Endpoint[];
  /** The same URL naming one host only. */
  urlFor(e: Endpoint): string;
}

/** The hosts of a PostgreSQL URL, one or several (`[::1]:5432` for an IPv6 address); null when it names none. */
export function parseHosts(url: string): HostList | null {
  const m = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/.exec(url);
  if (!m || !m[3]) return null;
  const endpoints: Endpoint[] = [];
  for (const part of m[3].split(',')) {
    const hp = /^(\[[0-9a-fA-F:]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(part);
    if (!hp) return null;
    endpoints.push({ host: hp[1]!, port: hp[2] ? Number(hp[2]) : 5432 });
  }
  return { endpoints, urlFor: (e) => `${m[1]}${m[2] ?? ''}${e.host}:${e.port}${m[4]}` };
}

/** What each host said when asked whether it is the primary. */
export type Probe = { endpoint: Endpoint; primary: boolean } | { endpoint: Endpoint; error: string };

/** The host to write to: the first that answers and is not in recovery; null when none is (keep the current one). */
export function choosePrimary(probes: readonly Probe[]): Endpoint | null {
  return probes.find((p): p is { endpoint: Endpoint; primary: boolean } => 'primary' in p && p.primary)?.endpoint ?? null;
}

export interface PrimaryFinder {
  /** The URL of the host new connections go to. */
  url(): string;
  current(): Endpoint;
  /** Asks every host now and moves to the primary if it is another one; resolves with what each said. */
  find(): Promise<Probe[]>;
  close(): void;
}

async function probe(url: string, endpoint: Endpoint): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
    return { endpoint, primary: !rows[0]!.recovery };
  } catch (e) {
    return { endpoint, error: (e as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Follows the primary among the hosts of a URL: asks the current one every `intervalMs` whether it still accepts
 * writes, and when it does not answer or has become a standby asks them all and moves to the one that does.
 */
export function followPrimary(
  hosts: HostList,
  opts: { intervalMs?: number; onMove?: (from: Endpoint, to: Endpoint) => void } = {},
): PrimaryFinder {
  let current = hosts.endpoints[0]!;
  let running: Promise<Probe[]> | null = null;
  const find = () =>
    (running ??= Promise.all(hosts.endpoints.map((e) => probe(hosts.urlFor(e), e)))
      .then((probes) => {
        const next = choosePrimary(probes);
        if (next && (next.host !== current.host || next.port !== current.port)) {
          opts.onMove?.(current, next);
          current = next;
        }
        return probes;
      })
      .finally(() => (running = null)));
  const tick = async () => {
    const now = await probe(hosts.urlFor(current), current);
    if (!('primary' in now) || !now.primary) await find();
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 1000);
  timer.unref();
  return { url: () => hosts.urlFor(current), current: () => current, find, close: () => clearInterval(timer) };
}
