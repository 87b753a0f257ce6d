import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword, tables } from '@hyedu/db';
import { checkPasswordStrength, DisplayName, ExpectedVersion, passwordField, Username } from '@hyedu/domain';
import { COMMON_PASSWORDS } from '@hyedu/domain/common-passwords';
import { HENGYANG_CONTEXT_WORDS } from '@hyedu/domain/hengyang';
import { auditChange } from '../audit-change.ts';
import type { Context } from '../context.ts';
import { readProcedure, writeProcedure } from '../trpc.ts';
import { AccountQuery, endSessions, listAccounts, lockAccount } from './account-rows.ts';

const { accounts, passwordHistory } = tables;

const InitialPassword = passwordField('初始密码', '请输入初始密码');

/** An initial password must meet the policy too; the holder changes it at first login. Field-level errors. */
function checkInitial(ctx: Context, username: string, password: string) {
  const problems = checkPasswordStrength(password, {
    policy: ctx.policy,
    username,
    commonPasswords: COMMON_PASSWORDS,
    contextWords: HENGYANG_CONTEXT_WORDS,
  });
  if (problems.length) throw new TRPCError({ code: 'BAD_REQUEST', message: `初始密码：${problems.join('；')}` });
}

/**
 * 系统管理员: accounts (create, rename, disable, reset the password). Roles and grants are the 安全管理员's
 * (admin.security): a new account has none and sees nothing until granted.
 */
export const accountsRouter = {
  list: readProcedure('admin:accounts')
    .input(AccountQuery)
    .query(({ ctx, input }) => listAccounts(ctx.db, input, ctx.now)),

  create: writeProcedure('admin:accounts')
    .input(z.object({ username: Username, displayName: DisplayName, initialPassword: InitialPassword }).strict())
    .mutation(async ({ ctx, input }) => {
      checkInitial(ctx, input.username, input.initialPassword);
      const passwordHash = await hashPassword(input.initialPassword);
      return ctx.db.transaction(async (tx) => {
        const [exists] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, input.username));
        if (exists) throw new TRPCError({ code: 'CONFLICT', message: `用户名 ${input.username} 已存在` });
        await tx.insert(accounts).values({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          passwordChangedAt: ctx.now,
          mustChangePassword: true,
          grants: [],
        });
        await auditChange(tx, ctx, {
          action: 'admin.accounts.create',
          targetType: 'account',
          targetId: input.username,
          after: { displayName: input.displayName, mustChangePassword: true, grants: [] },
        });
        return { username: input.username };
      });
    }),

  update: writeProcedure('admin:accounts')
    .input(
      z
        .object({
          username: Username,
          expectedVersion: ExpectedVersion,
          displayName: DisplayName.optional(),
          disabled: z.boolean().optional(),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const me = ctx.identity;
      if (input.disabled && input.username === me.username) throw new TRPCError({ code: 'BAD_REQUEST', message: '不能停用自己的账号' });
      return ctx.db.transaction(async (tx) => {
        const before = await lockAccount(tx, input.username, input.expectedVersion);
        const patch = {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        };
        const [after] = await tx
          .update(accounts)
          .set({ ...patch, version: before.version + 1 })
          .where(eq(accounts.id, before.id))
          .returning({ version: accounts.version });
        // A disabled account loses its live sessions at once.
        if (input.disabled && !before.disabled) await endSessions(tx, before.id, ctx.now, 'account_disabled');
        await auditChange(tx, ctx, {
          action: 'admin.accounts.update',
          targetType: 'account',
          targetId: input.username,
          before: { displayName: before.displayName, disabled: before.disabled },
          after: { displayName: input.displayName ?? before.displayName, disabled: input.disabled ?? before.disabled },
        });
        return { version: after!.version };
      });
    }),

  /** A new initial password (forgotten password): the holder must change it at the next login; sessions end. */
  resetPassword: writeProcedure('admin:accounts')
    .input(z.object({ username: Username, expectedVersion: ExpectedVersion, initialPassword: InitialPassword }).strict())
    .mutation(async ({ ctx, input }) => {
      checkInitial(ctx, input.username, input.initialPassword);
      const passwordHash = await hashPassword(input.initialPassword);
      return ctx.db.transaction(async (tx) => {
        const before = await lockAccount(tx, input.username, input.expectedVersion);
        await tx.insert(passwordHistory).values({ accountId: before.id, passwordHash: before.passwordHash });
        const [after] = await tx
          .update(accounts)
          .set({ passwordHash, passwordChangedAt: ctx.now, mustChangePassword: true, version: before.version + 1 })
          .where(eq(accounts.id, before.id))
          .returning({ version: accounts.version });
        await endSessions(tx, before.id, ctx.now, 'password_reset');
        await auditChange(tx, ctx, {
          action: 'admin.accounts.resetPassword',
          targetType: 'account',
          targetId: input.username,
          after: { mustChangePassword: true },
        });
        return { version: after!.version };
      });
    }),
} satisfies TRPCRouterRecord;
