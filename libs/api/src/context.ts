import { verifyPassword, type Database, type Db, type Engine, type Secrets, type Standby } from '@hyedu/db';
import { businessDate, type DataScope, type SecurityPolicy } from '@hyedu/domain';
import { currentPolicy } from './auth/policy-store.ts';
import { readToken, resolveSession, type Identity } from './auth/session.ts';
import { readWrote } from './standby-reads.ts';

/** What the HTTP layer tells the API about a request, and how the API answers with a cookie. */
export interface RequestInfo {
  cookie: string | undefined;
  ip: string;
  userAgent: string;
  setCookie(value: string): void;
}

export interface Context {
  /** The primary (or PGlite); a list procedure's query may get the standby's instead (listProcedure). */
  db: Db;
  /** The standby lists may be read from, when one is configured. */
  standby: Standby | null;
  /** Where the primary was after this browser's last write (its cookie): a standby shows its reads once it has replayed that far. */
  wrote: bigint | null;
  engine: Engine;
  auditKey: Buffer;
  /** Keys from configuration (field encryption for the TOTP secret and personal data). */
  keys: Secrets;
  policy: SecurityPolicy;
  /** Whether cookies get the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  now: Date;
  /** The business “today” (as-of date, a Beijing date) figures are computed for: configured in the demo, else today. */
  today: string;
  ip: string;
  userAgent: string;
  setCookie(value: string): void;
  identity: Identity | null;
  /** Why a session the request named is no longer valid (shown on the login page). */
  sessionEnded: string | null;
  /** Filled in by the policy middleware for procedures that read or write business data. */
  scope: DataScope;
  /** The password check (argon2id): the login runs it exactly once per attempt, whatever the outcome. */
  verifyPassword(stored: string, password: string): Promise<boolean>;
}

/** The context of a procedure that requires a signed-in account (the procedure builders in trpc.ts guarantee it). */
export type AuthedContext = Context & { identity: Identity };

export interface ContextOptions {
  secureCookies?: boolean;
  /** A fixed policy (tests); by default the stored one (see currentPolicy). */
  policy?: SecurityPolicy;
  clock?: () => Date;
  /** A fixed as-of date (the demo's DEMO_AS_OF); by default the Beijing date of each request. */
  asOf?: string;
  /** The password check; tests pass the real one wrapped, to count how often a login runs it. */
  verifyPassword?: (stored: string, password: string) => Promise<boolean>;
}

export function createContextFactory(database: Database, opts: ContextOptions = {}) {
  const clock = opts.clock ?? (() => new Date());
  return async (req: RequestInfo): Promise<Context> => {
    const now = clock();
    const policy = opts.policy ?? (await currentPolicy(database.db));
    const resolved = await resolveSession(database.db, readToken(req.cookie), now, policy);
    return {
      db: database.db,
      standby: database.standby,
      wrote: readWrote(req.cookie),
      engine: database.engine,
      auditKey: database.auditKey,
      keys: database.keys,
      policy,
      secureCookies: opts.secureCookies ?? false,
      now,
      today: businessDate(now, opts.asOf),
      ip: req.ip,
      userAgent: req.userAgent.slice(0, 300),
      setCookie: req.setCookie,
      identity: resolved.identity,
      sessionEnded: resolved.identity ? null : resolved.ended,
      scope: { kind: 'none' },
      verifyPassword: opts.verifyPassword ?? verifyPassword,
    };
  };
}
