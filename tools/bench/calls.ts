// What the benches that call the API over HTTP share: sign-in, one timed call, sequential samples and percentiles.
import { percentile as pct } from '@hyedu/scale/checks';

/** The p-th percentile (nearest rank): one definition, beside the topology's checks. */
export { pct };

export interface Stat {
  p50: number;
  p99: number;
  n: number;
}

export const stat = (xs: number[]): Stat | null => (xs.length ? { p50: pct(xs, 50), p99: pct(xs, 99), n: xs.length } : null);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
    body: JSON.stringify({ username, password: 'Demo#2022pass' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`${username} 登录失败：${res.status}`);
  return cookie;
}

export class Api {
  constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}
  url(path: string, input?: unknown) {
    return `${this.base}/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  }
  /** One call: its latency in ms (the whole body read), or an error with the API's message. */
  async timed(url: string): Promise<number> {
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie: this.cookie, 'x-trpc-source': 'web' } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${(/"message":"([^"]*)"/.exec(body) ?? [])[1] ?? ''}`.trim());
    return performance.now() - t;
  }
  /** A mutation (POST, the input as the body): its answer, or an error with the API's message. */
  async mutate<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/trpc/${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/json', 'x-trpc-source': 'web', origin: this.base },
      body: JSON.stringify(input),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${(/"message":"([^"]*)"/.exec(body) ?? [])[1] ?? ''}`.trim());
    return (JSON.parse(body) as { result: { data: T } }).result.data;
  }
  async json<T>(path: string, input?: unknown): Promise<T> {
    const res = await fetch(this.url(path, input), { headers: { cookie: this.cookie, 'x-trpc-source': 'web' } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }
}

/** Sequential calls at one connection after two warm-ups: at least 10 samples, up to 40 or ~6 s. */
export async function serial(call: () => Promise<number>) {
  await call();
  await call();
  const times: number[] = [];
  const end = performance.now() + 6_000;
  while (times.length < 10 || (times.length < 40 && performance.now() < end)) times.push(await call());
  return stat(times);
}
