import { isDatabaseUnavailable, parseLsn, type Db, type Standby } from '@hyedu/db';

/**
 * Read-your-writes across a standby: after a write the browser keeps the primary's WAL position in a cookie; a list it
 * asks for goes to the standby only once the standby has replayed that far. A cookie, not the server's memory, because
 * the next request may reach another instance. Changing it can only send its own reads to the primary (always right)
 * or to a standby that may not show its own latest write yet — nobody else's data.
 */
export const WROTE_COOKIE = 'hy_wrote';
/** Long after any standby in use has replayed the write (a lagging one is not read). */
const WROTE_MAX_AGE_SECONDS = 600;

export const wroteCookie = (lsn: string, secure: boolean) =>
  `${WROTE_COOKIE}=${encodeURIComponent(lsn)}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=${WROTE_MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`;

/** The position in the request's cookie, or null (none, or not a position). */
export function readWrote(cookieHeader: string | undefined): bigint | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === WROTE_COOKIE) return parseLsn(decodeURIComponent(rest.join('=')));
  }
  return null;
}

/** What a result of tRPC's `next()` looks like to the code that decides whether to run it again. */
type Outcome = { ok: true } | { ok: false; error: { cause?: unknown } };

/**
 * Runs a read on the standby when it may answer it, else on the primary; a read the standby could not answer (lost,
 * stopped, refusing) is run again on the primary at once and the standby set aside until it answers the watch again,
 * so its loss costs the reader nothing but the retry.
 */
export async function readOnStandby<R extends Outcome>(
  standby: Standby | null,
  wrote: bigint | null,
  run: (db: Db | undefined) => Promise<R>,
): Promise<R> {
  if (!standby || standby.target(wrote) !== 'standby') return run(undefined);
  const result = await run(standby.db);
  if (result.ok || !isDatabaseUnavailable(result.error.cause)) return result;
  standby.failed(`备用库读取失败：${(result.error.cause as Error | undefined)?.message ?? '未知错误'}`);
  return run(undefined);
}

/** After a write, the cookie that sends this browser's reads to the primary until the standby has the write. */
export async function rememberWrite(standby: Standby | null, setCookie: (value: string) => void, secure: boolean): Promise<void> {
  if (!standby) return;
  // The write has committed; if the primary cannot say where it is now, the reply must still say so.
  const lsn = await standby.primaryPosition().catch(() => null);
  if (lsn) setCookie(wroteCookie(lsn, secure));
}
