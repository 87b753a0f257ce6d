import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, tables, type Database } from '@hyedu/db';
import { totpCodeAt } from './auth/totp.ts';
import { createContextFactory, type ContextOptions } from './context.ts';
import { createCaller } from './router.ts';

/** A caller that acts as nobody (no session cookie). */
export async function anonymousCaller(database: Database, opts: ContextOptions = {}) {
  const ctx = await createContextFactory(database, opts)({ cookie: undefined, ip: '127.0.0.1', userAgent: 'test', setCookie: () => {} });
  return createCaller(ctx);
}

/**
 * Signs in through the real login procedure and returns the session cookie. Accounts with a second factor get the
 * code of the demo secret, as an authenticator app would give it; since a code works once, the account's last
 * accepted step is cleared first so that tests may sign the same administrator in more than once in 30 seconds.
 */
export async function signIn(database: Database, username: string, password = DEMO_PASSWORD, opts: ContextOptions = {}): Promise<string> {
  let cookie = '';
  const ctx = await createContextFactory(database, opts)({ cookie: undefined, ip: '127.0.0.1', userAgent: 'test', setCookie: (v) => (cookie = v.split(';')[0] ?? '') });
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
