import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import {
  GrantList,
  mustChangePassword,
  secondFactorRequired,
  sessionEndedMessage,
  sessionStatus,
  type Grant,
  type MustChangeReason,
  type SecurityPolicy,
} from '@hyedu/domain';

const { accounts, sessions } = tables;

export const SESSION_COOKIE = 'hy_session';

/** The signed-in account as every procedure sees it. */
export interface Identity {
  accountId: number;
  username: string;
  displayName: string;
  grants: Grant[];
  sessionId: number;
  /** Set when the account must change its password before anything else. */
  mustChange: MustChangeReason | null;
  passwordChangedAt: Date;
  /** Whether a second factor is set up. */
  totpEnabled: boolean;
  /** Set when the account's roles need a second factor it has not set up yet (administrators): only setup is open. */
  totpSetupRequired: boolean;
}

/** A new opaque session token (256 bits) and the hash that is stored. */
export function newToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function sessionCookie(token: string, opts: { secure: boolean; maxAgeSeconds: number }) {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${opts.maxAgeSeconds}${opts.secure ? '; Secure' : ''}`;
}
export const clearedCookie = (secure: boolean) =>
  `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;

export function readToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}

export type Resolved = { identity: Identity } | { identity: null; ended: string | null };

/**
 * Finds the session behind a cookie token. Expired (idle or absolute) sessions and sessions of disabled
 * accounts are revoked here. Throws on database errors: the caller must deny, never fall back to anonymous access.
 */
export async function resolveSession(db: Db, token: string | null, now: Date, policy: SecurityPolicy): Promise<Resolved> {
  if (!token) return { identity: null, ended: null };
  const [row] = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), isNull(sessions.revokedAt)));
  if (!row) return { identity: null, ended: null };
  const status = sessionStatus(row.session, now, policy);
  if (status === 'idle_expired' || status === 'absolute_expired' || row.account.disabled) {
    const reason = row.account.disabled ? 'account_disabled' : status;
    await db.update(sessions).set({ revokedAt: now, revokeReason: reason }).where(eq(sessions.id, row.session.id));
    return { identity: null, ended: row.account.disabled ? '账号已停用' : sessionEndedMessage(status) };
  }
  // Sliding idle timeout: note activity (at most once a minute, to keep reads cheap).
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  const grants = GrantList.safeParse(row.account.grants);
  const totpEnabled = row.account.totpEnabledAt !== null && row.account.totpSecret !== null;
  return {
    identity: {
      accountId: row.account.id,
      username: row.account.username,
      displayName: row.account.displayName,
      // Grants that do not validate give no rights at all (fail closed).
      grants: grants.success ? grants.data : [],
      sessionId: row.session.id,
      mustChange: mustChangePassword(
        { mustChange: row.account.mustChangePassword, passwordChangedAt: row.account.passwordChangedAt },
        now,
        policy,
      ),
      passwordChangedAt: row.account.passwordChangedAt,
      totpEnabled,
      // Invalid grants count as requiring it too: they give no rights anyway, and setup stays open.
      totpSetupRequired: !totpEnabled && (!grants.success || secondFactorRequired(grants.data)),
    },
  };
}
