import type { SecurityPolicy } from './security-policy.ts';

/**
 * Session timeouts (security.md §1 身份鉴别 b, §6; ASVS 7.3.1/7.3.2): idle timeout with a warning before it,
 * and an absolute lifetime however active the user is. The api keeps sessions server-side and revokes them.
 */
export type SessionStatus = 'active' | 'idle_warning' | 'idle_expired' | 'absolute_expired';

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

const MINUTE_MS = 60_000;

/** Where a session stands at `now`. Boundaries expire (at exactly 30 idle minutes the session is over). */
export function sessionStatus(session: SessionTimes, now: Date, policy: SecurityPolicy): SessionStatus {
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.lastSeenAt.getTime();
  // Unreadable dates end the session (fail closed).
  if (Number.isNaN(age) || Number.isNaN(idle)) return 'absolute_expired';
  if (age >= policy.absoluteHours * 60 * MINUTE_MS) return 'absolute_expired';
  if (idle >= policy.idleMinutes * MINUTE_MS) return 'idle_expired';
  if (idle >= (policy.idleMinutes - policy.idleWarningMinutes) * MINUTE_MS) return 'idle_warning';
  return 'active';
}

/** When the session ends if the user does nothing more: the earlier of the idle and the absolute limit. */
export function sessionExpiresAt(session: SessionTimes, policy: SecurityPolicy): Date {
  const idleEnd = session.lastSeenAt.getTime() + policy.idleMinutes * MINUTE_MS;
  const absoluteEnd = session.createdAt.getTime() + policy.absoluteHours * 60 * MINUTE_MS;
  return new Date(Math.min(idleEnd, absoluteEnd));
}

/** Chinese message for an ended session, or null while it is still usable. */
export function sessionEndedMessage(status: SessionStatus): string | null {
  if (status === 'idle_expired') return '会话已超时，请重新登录';
  if (status === 'absolute_expired') return '登录已超过最长时间，请重新登录';
  return null;
}
