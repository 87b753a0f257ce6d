import { boolean, index, integer, jsonb, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Accounts. Passwords are argon2id hashes; `grants` is the account's role assignments with their scope
 * (domain: Grant[]), checked by validateGrants on every change (三员 separation).
 */
export const accounts = pgTable('accounts', {
  id: serial().primaryKey(),
  /** Login name, stored lower-case. */
  username: text().notNull().unique(),
  displayName: text().notNull(),
  passwordHash: text().notNull(),
  passwordChangedAt: timestamp({ withTimezone: true }).notNull(),
  /** True until the holder sets their own password (initial passwords must be changed at first login). */
  mustChangePassword: boolean().notNull().default(true),
  grants: jsonb().notNull().default([]),
  failures: smallint().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  disabled: boolean().notNull().default(false),
  /** Demo accounts exist only in demo data; a production start refuses to run while any exists. */
  isDemo: boolean().notNull().default(false),
  /** TOTP (RFC 6238) secret, encrypted with the data key (bound to the account id); null until set up. */
  totpSecret: text(),
  /** A secret being set up, until the holder confirms it with a code from the authenticator app. */
  totpPending: text(),
  totpEnabledAt: timestamp({ withTimezone: true }),
  /** The last 30-second step whose code was accepted: a code is good once (no replay). */
  totpLastStep: integer(),
  lastLoginAt: timestamp({ withTimezone: true }),
  lastLoginIp: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

/** Previous password hashes (the last few may not be reused). */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: serial().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_account_idx').on(t.accountId, t.createdAt)],
);

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so read access to
 * this table does not let anyone take over a session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: serial().primaryKey(),
    tokenHash: text().notNull().unique(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    ip: text().notNull(),
    userAgent: text().notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokeReason: text(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * Login attempts per client address, for the per-address limit every instance shares (a row per attempt, kept for the
 * limit's window and then deleted by the next attempt).
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serial().primaryKey(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_ip_idx').on(t.ip, t.at), index('login_attempts_at_idx').on(t.at)],
);

/**
 * The security policy the 安全管理员 sets (one row). Absent means the domain's DEFAULT_SECURITY_POLICY; the
 * stored value is validated by the domain's SecurityPolicy schema, which refuses anything weaker than 等保 asks.
 */
export const securityPolicy = pgTable('security_policy', {
  id: smallint().primaryKey().default(1),
  policy: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedBy: text().notNull(),
  version: integer().notNull().default(1),
});
