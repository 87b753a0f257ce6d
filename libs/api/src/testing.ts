import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, tables, type Database } from '@hyedu/db';
import { SESSION_COOKIE } from './auth/session.ts';
import { totpCodeAt } from './auth/totp.ts';
import { createContextFactory, type ContextOptions } from './context.ts';
import { appRouter, createCaller } from './router.ts';
import type { Meta } from './trpc.ts';

/** A caller that acts as nobody (no session cookie), from `ip`. */
export async function anonymousCaller(database: Database, opts: ContextOptions = {}, ip = '127.0.0.1') {
  const ctx = await createContextFactory(database, opts)({ cookie: undefined, ip, userAgent: 'test', setCookie: () => {} });
  return createCaller(ctx);
}

/**
 * One procedure called over HTTP as the browser calls it (GET for queries, POST for mutations) through tRPC's own
 * request handler and error formatter: the status and the exact bytes of the answer.
 */
export async function httpCall(
  database: Database,
  cookie: string | undefined,
  path: string,
  input: unknown,
  opts: ContextOptions & { ip?: string } = {},
) {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>)[path];
  if (!procedure) throw new Error(`no procedure ${path}`);
  const query = procedure._def.type === 'query';
  const url = `http://hyedu.test/api/trpc/${path}${query && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const req = new Request(
    url,
    query ? { method: 'GET' } : { method: 'POST', body: JSON.stringify(input ?? null), headers: { 'content-type': 'application/json' } },
  );
  const context = createContextFactory(database, opts);
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => context({ cookie, ip: opts.ip ?? '127.0.0.1', userAgent: 'test', setCookie: () => {} }),
  });
  return { status: res.status, body: await res.text() };
}

/**
 * Signs in through the real login procedure and returns the session cookie. Accounts with a second factor get the
 * code of the demo secret, as an authenticator app would give it; since a code works once, the account's last
 * accepted step is cleared first so that tests may sign the same administrator in more than once in 30 seconds.
 */
export async function signIn(database: Database, username: string, password = DEMO_PASSWORD, opts: ContextOptions = {}): Promise<string> {
  let cookie = '';
  const ctx = await createContextFactory(
    database,
    opts,
  )({
    cookie: undefined,
    ip: '127.0.0.1',
    userAgent: 'test',
    setCookie: (v) => {
      if (v.startsWith(`${SESSION_COOKIE}=`)) cookie = v.split(';')[0] ?? '';
    },
  });
  const first = await createCaller(ctx).auth.login({ username, password });
  if (first.status === 'otp_required') {
    await database.db.update(tables.accounts).set({ totpLastStep: null }).where(eq(tables.accounts.username, username));
    await createCaller(ctx).auth.login({ username, password, otp: totpCodeAt(DEMO_TOTP_SECRET, ctx.now) });
  }
  return cookie;
}

/** The context of a request carrying this cookie (none: anonymous), as the HTTP routes build it. */
export function contextWithCookie(database: Database, cookie: string | undefined, opts: ContextOptions = {}) {
  return createContextFactory(database, opts)({ cookie, ip: '127.0.0.1', userAgent: 'test', setCookie: () => {} });
}

/** A caller for a request carrying this cookie (a fresh context each call, like a real request). */
export async function callerWithCookie(database: Database, cookie: string, opts: ContextOptions = {}) {
  const ctx = await createContextFactory(database, opts)({ cookie, ip: '127.0.0.1', userAgent: 'test', setCookie: () => {} });
  return createCaller(ctx);
}

/** Signs in as a demo account and returns a caller for it. */
export async function callerAs(database: Database, username: string, opts: ContextOptions = {}) {
  return callerWithCookie(database, await signIn(database, username, DEMO_PASSWORD, opts), opts);
}

/** A call's refusal as { code, message } (null when it succeeds), for asserting the exact Chinese message. */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? { code: e.code, message: e.message } : { code: 'OTHER', message: String(e) }),
  );

type ZodDef = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown };
const zodDef = (schema: unknown) => (schema as { _zod: { def: ZodDef } })._zod.def;
/** A schema without its wrappers (optional, nullable, default, pipe…). */
function unwrap(schema: unknown): ZodDef {
  let def = zodDef(schema);
  while (def.innerType !== undefined || def.type === 'pipe') def = zodDef(def.type === 'pipe' ? def.in : def.innerType);
  return def;
}

/** Every procedure of the router by its dotted path, with its kind, declared meta and input schemas. */
export const procedures = () =>
  Object.entries(
    appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation'; meta?: Meta; inputs: unknown[] } }>,
  ).map(([path, p]) => ({
    path,
    type: p._def.type,
    meta: p._def.meta,
    inputs: p._def.inputs,
  }));

/**
 * The input fields of a procedure that name a record, found in its zod schema: integer `id` / `…Id` fields and unit
 * codes, at any depth of nested objects (`report.taskId`). Catalogue keys (a KPI's id is public text) are not records.
 */
export function recordIdFields(inputs: readonly unknown[]): string[] {
  const walk = (schema: unknown, prefix: string): string[] => {
    const def = unwrap(schema);
    if (def.type !== 'object') return [];
    return Object.entries(def.shape!).flatMap(([key, field]) => {
      const type = unwrap(field).type;
      const named = (type === 'number' && (key === 'id' || key.endsWith('Id'))) || (type === 'string' && key === 'unitCode');
      return [...(named ? [prefix + key] : []), ...walk(field, `${prefix}${key}.`)];
    });
  };
  return inputs.flatMap((i) => walk(i, ''));
}
