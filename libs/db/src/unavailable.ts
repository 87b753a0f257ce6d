// Whether an error means the database cannot be reached right now (stopped, restarting, failing over, out of disk),
// rather than something wrong with the request: those are answered 503 and can simply be tried again, because a
// transaction the database never committed left nothing behind.

/** What the user reads when the database is unavailable: nothing was written, try again. */
export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，本次操作未完成、未写入任何数据，请稍后重试';

/** SQLSTATE codes (class 08, connection exception, is matched by its prefix) of an unreachable or unwritable server (PostgreSQL's appendix A). */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53100', // disk_full
  '53200', // out_of_memory
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: a standby, or a primary that was demoted
]);

/** The socket-level errors of a connection refused, reset or timed out. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN']);

/** node-postgres's own messages for a connection that ended or could not be made in time. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
];

/** Walks an error and its causes (drizzle wraps the driver's error; tRPC wraps drizzle's). */
function* causes(e: unknown): Generator<unknown> {
  for (let i = 0; e && i < 8; i++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

export function isDatabaseUnavailable(e: unknown): boolean {
  for (const c of causes(e)) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))) return true;
    const message = (c as { message?: unknown }).message;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}

/**
 * What an operator's log may say about a failed statement: the driver's own error (its SQLSTATE, message and stack) and
 * the statement's text — never its parameters, which drizzle's wrapper puts in its message and which carry the rows
 * being written (names, and the like).
 */
export function loggableError(e: unknown): { err: unknown; query?: string } {
  let deepest = e;
  let query: string | undefined;
  for (const c of causes(e)) {
    if (typeof (c as { query?: unknown }).query === 'string') query = (c as { query: string }).query;
    deepest = c;
  }
  return query === undefined ? { err: deepest } : { err: deepest, query: query.slice(0, 500) };
}
