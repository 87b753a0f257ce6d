// A small tRPC-over-HTTP client for the topology's checks: plain HTTP to an instance, HTTPS to the balancer (its
// self-signed certificate accepted), keep-alive connections, the session cookie and the tRPC error's message.
import http from 'node:http';
import https from 'node:https';

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true, rejectUnauthorized: false }) };

export interface Answer {
  status: number;
  body: string;
  /** The first cookie the answer sets (name=value): the session's, after a sign-in. */
  cookie: string | undefined;
  /** Every cookie it sets (name=value). */
  cookies: string[];
}

export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      { method: init.method ?? 'GET', headers: init.headers, agent: agents[u.protocol as keyof typeof agents] },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          const cookies = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
          resolve({ status: res.statusCode ?? 0, body, cookie: cookies[0], cookies });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The tRPC error's message of an answer (or the start of its body). */
export const message = (a: Answer) => (/"message":"([^"]*)"/.exec(a.body) ?? [])[1] ?? a.body.slice(0, 200);

export class Caller {
  constructor(
    readonly base: string,
    readonly cookie = '',
    readonly headers: Record<string, string> = {},
  ) {}

  /** The same session (or none) against another instance or the balancer. */
  at(base: string): Caller {
    return new Caller(base, this.cookie, this.headers);
  }

  /** The same caller keeping the cookies an answer set (a browser would): after a write, the position it wrote at. */
  keep(a: Answer): Caller {
    const jar = new Map(this.cookie ? this.cookie.split('; ').map((c) => [c.split('=')[0]!, c] as const) : []);
    for (const c of a.cookies) jar.set(c.split('=')[0]!, c);
    return new Caller(this.base, [...jar.values()].join('; '), this.headers);
  }

  /** A query; resolves with the whole answer (status and body) so a check can look at a refusal. */
  queryRaw(path: string, input?: unknown): Promise<Answer> {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return request(`${this.base}/api/trpc/${path}${q}`, { headers: { ...this.headers, cookie: this.cookie, 'x-trpc-source': 'web' } });
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const a = await this.queryRaw(path, input);
    if (a.status !== 200) throw new Error(`${path}: ${a.status} ${message(a)}`);
    return (JSON.parse(a.body) as { result: { data: T } }).result.data;
  }

  /** A mutation; resolves with the whole answer (status and body) so a check can look at a refusal. */
  mutateRaw(path: string, input: unknown): Promise<Answer> {
    return request(`${this.base}/api/trpc/${path}`, {
      method: 'POST',
      headers: { ...this.headers, cookie: this.cookie, 'content-type': 'application/json', 'x-trpc-source': 'web', origin: this.base },
      body: JSON.stringify(input),
    });
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const a = await this.mutateRaw(path, input);
    if (a.status !== 200) throw new Error(`${path}: ${a.status} ${message(a)}`);
    return (JSON.parse(a.body) as { result: { data: T } }).result.data;
  }
}

export const DEMO_PASSWORD = 'Demo#2022pass';

/** Signs a demo account in (at an instance or the balancer) and returns a caller with its session. */
export async function signIn(base: string, username: string): Promise<Caller> {
  const a = await new Caller(base).mutateRaw('auth.login', { username, password: DEMO_PASSWORD });
  if (a.status !== 200 || !a.cookie) throw new Error(`${username} 登录失败：${a.status} ${message(a)}`);
  return new Caller(base, a.cookie);
}
