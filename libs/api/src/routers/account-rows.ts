import { TRPCError } from '@trpc/server';
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { type z } from 'zod';
import { ConflictError, tables, type Db, type Tx } from '@hyedu/db';
import { accountStatus, GrantList, ROLE_LABELS, textField, type Grant } from '@hyedu/domain';
import { Page } from '../inputs.ts';
import { contains } from '../queries.ts';

const { accounts } = tables;

export const AccountQuery = Page.extend({ q: textField(40, '搜索词').optional() }).strict();

/** Accounts as the two administrators see them: never a password hash, a secret or a session. */
export async function listAccounts(db: Db, input: z.infer<typeof AccountQuery>, now: Date) {
  const where: SQL | undefined = input.q
    ? or(ilike(accounts.username, contains(input.q)), ilike(accounts.displayName, contains(input.q)))
    : undefined;
  const [total] = await db.select({ n: count() }).from(accounts).where(where);
  const rows = await db
    .select()
    .from(accounts)
    .where(where)
    .orderBy(asc(accounts.username))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  // The schools that school grants name, so the grant editor opens showing them by name (not an empty field).
  const parsed = rows.map((a) => GrantList.safeParse(a.grants));
  const schoolIds = [
    ...new Set(parsed.flatMap((g) => (g.success ? g.data.flatMap((x) => (x.role === 'school' ? [x.schoolId] : [])) : []))),
  ];
  const named = schoolIds.length
    ? await db
        .select({ id: tables.schools.id, name: tables.schools.name, code: tables.schools.code, unitCode: tables.schools.unitCode })
        .from(tables.schools)
        .where(inArray(tables.schools.id, schoolIds))
    : [];
  return {
    total: total?.n ?? 0,
    rows: rows.map((a, i) => {
      const grants = parsed[i]!;
      return {
        username: a.username,
        displayName: a.displayName,
        grants: grants.success ? grants.data : ([] as Grant[]),
        grantsValid: grants.success,
        schools: grants.success ? named.filter((s) => grants.data.some((g) => g.role === 'school' && g.schoolId === s.id)) : [],
        roleLabels: grants.success ? [...new Set(grants.data.map((g) => ROLE_LABELS[g.role]))] : [],
        status: accountStatus(a, now),
        totpEnabled: a.totpEnabledAt !== null,
        isDemo: a.isDemo,
        lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
        createdAt: a.createdAt.toISOString(),
        version: a.version,
      };
    }),
  };
}

/**
 * Locks one account row for a change and checks the version the editor saw (optimistic locking under a row
 * lock: race-free). Unknown account → NOT_FOUND; stale version → CONFLICT with a clear message.
 */
export async function lockAccount(tx: Tx, username: string, expectedVersion: number) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.username, username)).for('update');
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: '账号不存在' });
  if (row.version !== expectedVersion) throw new TRPCError({ code: 'CONFLICT', message: new ConflictError().message });
  return row;
}

/** Ends every open session of an account (disabled, password reset). */
export const endSessions = (tx: Tx, accountId: number, now: Date, reason: string) =>
  tx
    .update(tables.sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(tables.sessions.accountId, accountId), isNull(tables.sessions.revokedAt)));
