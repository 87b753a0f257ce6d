import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { decryptField, DUMMY_HASH, encryptField, hashPassword, tables, totpRecordId, verifyPassword, writeAudit } from '@hyedu/db';
import {
  Area,
  authorize,
  checkPasswordStrength,
  decideLogin,
  departmentsOf,
  isLocked,
  onSuccess,
  passwordExpiry,
  passwordExpiryNotice,
  passwordField,
  secondFactorRequired,
  stepIsFresh,
  textField,
  TotpCode,
  type DataScope,
  type Grant,
  type LoginFacts,
} from '@hyedu/domain';
import { COMMON_PASSWORDS } from '@hyedu/domain/common-passwords';
import { HENGYANG_CONTEXT_WORDS } from '@hyedu/domain/hengyang';
import { takeLoginAttempt } from '../auth/ip-limiter.ts';
import { clearedCookie, newToken, sessionCookie, type Identity } from '../auth/session.ts';
import { matchTotp, newTotpSecret, totpQrSvg, totpUri } from '../auth/totp.ts';
import type { Context } from '../context.ts';
import { scopeText } from '../queries.ts';
import { auditedRefusal } from '../refusals.ts';
import { passes, publicProcedure, sessionProcedure, type Meta } from '../trpc.ts';
import { enabledModules, platformRouter } from './platform.ts';

const { accounts, passwordHistory, sessions } = tables;

// 等保: a per-IP limit on login attempts besides the per-account lockout (offices share one NAT address: generous).
// Counted in the database: every instance of one platform shares the count.
export const LOGIN_ATTEMPTS_PER_IP = { max: 30, windowMs: 10 * 60_000 } as const;

const Credentials = z
  .object({
    username: textField(64, '用户名').pipe(z.string().min(1, { message: '请输入用户名' })),
    password: passwordField('密码', '请输入密码'),
    /** The second factor, asked for once the password is right (accounts with TOTP set up). */
    otp: TotpCode.optional(),
  })
  .strict();

/** The areas the portal and modules may show to this account: the UI hides what the server would refuse. */
function allowedAreas(grants: Grant[]) {
  return Area.options.filter((area) => authorize(grants, { area, action: 'read' }).allowed);
}

/** The widest read scope the account has, for the 「数据范围」 badge. */
function readScope(grants: Grant[]): DataScope {
  for (const area of allowedAreas(grants)) {
    const d = authorize(grants, { area, action: 'read' });
    if (d.allowed) return d.scope;
  }
  return { kind: 'none' };
}

async function accountSummary(ctx: Context, identity: Identity) {
  return {
    username: identity.username,
    displayName: identity.displayName,
    roles: identity.grants.map((g) => g.role),
    departments: departmentsOf(identity.grants),
    areas: allowedAreas(identity.grants),
    scopeLabel: await scopeText(ctx.db, readScope(identity.grants)),
    scopeLabelEn: await scopeText(ctx.db, readScope(identity.grants), 'en-US'),
    mustChange: identity.mustChange,
    totpEnabled: identity.totpEnabled,
    totpSetupRequired: identity.totpSetupRequired,
    idleMinutes: ctx.policy.idleMinutes,
    idleWarningMinutes: ctx.policy.idleWarningMinutes,
    passwordNotice: passwordExpiryNotice(passwordExpiry(identity.passwordChangedAt, ctx.now, ctx.policy)),
  };
}

const audit = (ctx: Context, actor: string, action: string, result: 'ok' | 'denied', after?: unknown) =>
  ctx.db.transaction((tx) =>
    writeAudit(tx, ctx.auditKey, { actor, action, targetType: 'account', targetId: actor, result, source: ctx.ip, after }),
  );

async function me(ctx: Context) {
  return { account: ctx.identity ? await accountSummary(ctx, ctx.identity) : null, sessionEnded: ctx.sessionEnded };
}

export const authRouter = {
  /** The signed-in account, or null (with why a session ended, if it did). */
  me: publicProcedure.query(({ ctx }) => me(ctx)),

  /**
   * What the portal needs before its first page, in one answer: `me`, and the module registry when the caller would
   * pass `platform.modules`' own policy (null otherwise: signed out, in setup, or without the platform area).
   */
  start: publicProcedure.query(async ({ ctx }) => {
    const policy = (platformRouter.modules._def.meta as Meta | undefined)?.policy;
    return { ...(await me(ctx)), modules: policy && (await passes(ctx, policy)) ? await enabledModules(ctx.db) : null };
  }),

  login: publicProcedure.input(Credentials).mutation(async ({ ctx, input }) => {
    const username = input.username.toLowerCase();
    if (!(await takeLoginAttempt(ctx.db, ctx.ip, ctx.now, LOGIN_ATTEMPTS_PER_IP))) {
      await audit(ctx, username, 'auth.login', 'denied', { reason: 'ip_rate_limit' });
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: '登录尝试过于频繁，请稍后再试' });
    }
    const [account] = await ctx.db.select().from(accounts).where(eq(accounts.username, username));
    // Exactly one password check on every path, before anything else is known: against a dummy hash of the same cost
    // when there is no such account, and against the real one when the account is disabled or locked.
    const passwordOk = (await ctx.verifyPassword(account?.passwordHash ?? DUMMY_HASH, input.password)) && account !== undefined;
    const totpSecret = account?.totpEnabledAt && account.totpSecret ? account.totpSecret : null;
    // The code is looked at only after the right password (decideLogin ignores it otherwise).
    let otp: LoginFacts['otp'] = input.otp === undefined ? 'absent' : 'wrong';
    let acceptedStep: number | null = null;
    if (account && totpSecret && passwordOk && input.otp !== undefined) {
      const step = matchTotp(decryptField(ctx.keys.dataKey, totpSecret, totpRecordId(account.id)), input.otp, ctx.now);
      otp = step === null ? 'wrong' : stepIsFresh(step, account.totpLastStep) ? 'ok' : 'replay';
      if (otp === 'ok') acceptedStep = step;
    }
    const state = account ? { failures: account.failures, lockedUntil: account.lockedUntil } : null;
    const decision = decideLogin(
      { account: account && state ? { disabled: account.disabled, state, secondFactor: totpSecret !== null } : null, passwordOk, otp },
      ctx.now,
      ctx.policy,
    );
    if (decision.outcome === 'otp_required') return { status: 'otp_required' as const };
    if (decision.outcome === 'refused') {
      const { next, reason } = decision;
      await ctx.db.transaction(async (tx) => {
        if (account && next)
          await tx.update(accounts).set({ failures: next.failures, lockedUntil: next.lockedUntil }).where(eq(accounts.id, account.id));
        const after = { reason, ...(next ? { failures: next.failures, locked: isLocked(next, ctx.now) } : {}) };
        await writeAudit(tx, ctx.auditKey, {
          actor: username,
          action: 'auth.login',
          targetType: 'account',
          targetId: username,
          result: 'denied',
          source: ctx.ip,
          after,
        });
      });
      throw auditedRefusal(new TRPCError({ code: 'UNAUTHORIZED', message: decision.message }));
    }
    if (!account) throw new Error('decideLogin let a missing account through'); // cannot happen: it refuses 'unknown'
    // Success: a new session every time (the token rotates at login), failures reset.
    const { token, hash } = newToken();
    const reset = onSuccess();
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({
          failures: reset.failures,
          lockedUntil: reset.lockedUntil,
          lastLoginAt: ctx.now,
          lastLoginIp: ctx.ip,
          ...(acceptedStep !== null ? { totpLastStep: acceptedStep } : {}),
        })
        .where(eq(accounts.id, account.id));
      await tx
        .insert(sessions)
        .values({ tokenHash: hash, accountId: account.id, createdAt: ctx.now, lastSeenAt: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
      await writeAudit(tx, ctx.auditKey, {
        actor: username,
        action: 'auth.login',
        targetType: 'account',
        targetId: username,
        result: 'ok',
        source: ctx.ip,
      });
    });
    ctx.setCookie(sessionCookie(token, { secure: ctx.secureCookies, maxAgeSeconds: ctx.policy.absoluteHours * 3600 }));
    return {
      status: 'ok' as const,
      // Shown as 「上次登录」 after login.
      previousLogin: account.lastLoginAt ? { at: account.lastLoginAt.toISOString(), ip: account.lastLoginIp } : null,
      idleMinutes: ctx.policy.idleMinutes,
      idleWarningMinutes: ctx.policy.idleWarningMinutes,
    };
  }),

  logout: sessionProcedure(true).mutation(async ({ ctx }) => {
    const identity = ctx.identity;
    await ctx.db.transaction(async (tx) => {
      await tx.update(sessions).set({ revokedAt: ctx.now, revokeReason: 'logout' }).where(eq(sessions.id, identity.sessionId));
      await writeAudit(tx, ctx.auditKey, {
        actor: identity.username,
        action: 'auth.logout',
        targetType: 'session',
        targetId: String(identity.sessionId),
        result: 'ok',
        source: ctx.ip,
      });
    });
    ctx.setCookie(clearedCookie(ctx.secureCookies));
    return { ok: true as const };
  }),

  changePassword: sessionProcedure(true)
    .input(z.object({ current: passwordField('当前密码', '请输入当前密码'), next: passwordField('新密码', '请输入新密码') }).strict())
    .mutation(async ({ ctx, input }) => {
      const identity = ctx.identity;
      const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, identity.accountId));
      if (!account || !(await verifyPassword(account.passwordHash, input.current))) {
        await audit(ctx, identity.username, 'auth.changePassword', 'denied', { reason: 'wrong_current' });
        throw new TRPCError({ code: 'BAD_REQUEST', message: '当前密码不正确' });
      }
      const problems = checkPasswordStrength(input.next, {
        policy: ctx.policy,
        username: identity.username,
        commonPasswords: COMMON_PASSWORDS,
        contextWords: HENGYANG_CONTEXT_WORDS,
      });
      if (problems.length) throw new TRPCError({ code: 'BAD_REQUEST', message: problems.join('；') });
      const history = await ctx.db
        .select({ passwordHash: passwordHistory.passwordHash })
        .from(passwordHistory)
        .where(eq(passwordHistory.accountId, account.id))
        .orderBy(desc(passwordHistory.createdAt))
        .limit(ctx.policy.historyDepth);
      for (const old of [account.passwordHash, ...history.map((h) => h.passwordHash)].slice(0, ctx.policy.historyDepth)) {
        if (await verifyPassword(old, input.next)) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: `新密码不能与最近 ${ctx.policy.historyDepth} 次使用过的密码相同` });
        }
      }
      const hash = await hashPassword(input.next);
      await ctx.db.transaction(async (tx) => {
        await tx.insert(passwordHistory).values({ accountId: account.id, passwordHash: account.passwordHash });
        await tx
          .update(accounts)
          .set({ passwordHash: hash, passwordChangedAt: ctx.now, mustChangePassword: false })
          .where(eq(accounts.id, account.id));
        // Other sessions end with a password change (ASVS 7.4.3); this one stays.
        await tx
          .update(sessions)
          .set({ revokedAt: ctx.now, revokeReason: 'password_changed' })
          .where(and(eq(sessions.accountId, account.id), ne(sessions.id, identity.sessionId), isNull(sessions.revokedAt)));
        await writeAudit(tx, ctx.auditKey, {
          actor: identity.username,
          action: 'auth.changePassword',
          targetType: 'account',
          targetId: identity.username,
          result: 'ok',
          source: ctx.ip,
        });
      });
      return { ok: true as const };
    }),

  /** The account's own open sessions (「在线会话」). */
  sessions: sessionProcedure().query(async ({ ctx }) => {
    const identity = ctx.identity;
    const rows = await ctx.db
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(and(eq(sessions.accountId, identity.accountId), isNull(sessions.revokedAt)))
      .orderBy(desc(sessions.lastSeenAt));
    return rows.map((r) => ({ ...r, current: r.id === identity.sessionId }));
  }),

  /** 「退出其他设备」: ends every other session of this account. */
  revokeOtherSessions: sessionProcedure().mutation(async ({ ctx }) => {
    const identity = ctx.identity;
    const ended = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: ctx.now, revokeReason: 'revoked_by_user' })
        .where(and(eq(sessions.accountId, identity.accountId), ne(sessions.id, identity.sessionId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      await writeAudit(tx, ctx.auditKey, {
        actor: identity.username,
        action: 'auth.revokeOtherSessions',
        targetType: 'account',
        targetId: identity.username,
        result: 'ok',
        source: ctx.ip,
        after: { ended: rows.length },
      });
      return rows.length;
    });
    return { ended };
  }),

  /**
   * Second factor, step 1: a new secret for the authenticator app (kept pending, encrypted, until confirmed).
   * Open during setup: administrators must do this before anything else.
   */
  totpBegin: sessionProcedure(true).mutation(async ({ ctx }) => {
    const identity = ctx.identity;
    const secret = newTotpSecret();
    const uri = totpUri(secret, identity.username);
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({ totpPending: encryptField(ctx.keys.dataKey, secret, totpRecordId(identity.accountId)) })
        .where(eq(accounts.id, identity.accountId));
      await writeAudit(tx, ctx.auditKey, {
        actor: identity.username,
        action: 'auth.totpBegin',
        targetType: 'account',
        targetId: identity.username,
        result: 'ok',
        source: ctx.ip,
      });
    });
    // The secret is shown once, to its holder, for typing it in by hand; it is never logged or audited.
    return { secret, uri, qrSvg: await totpQrSvg(uri) };
  }),

  /** Second factor, step 2: a code from the app proves it holds the secret; from now on login asks for a code. */
  totpConfirm: sessionProcedure(true)
    .input(z.object({ code: TotpCode }).strict())
    .mutation(async ({ ctx, input }) => {
      const identity = ctx.identity;
      const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, identity.accountId));
      if (!account?.totpPending) throw new TRPCError({ code: 'BAD_REQUEST', message: '请先生成动态口令密钥' });
      const secret = decryptField(ctx.keys.dataKey, account.totpPending, totpRecordId(account.id));
      const step = matchTotp(secret, input.code, ctx.now);
      if (step === null) {
        await audit(ctx, identity.username, 'auth.totpConfirm', 'denied', { reason: 'wrong_code' });
        throw new TRPCError({ code: 'BAD_REQUEST', message: '动态口令不正确，请核对手机时间后重试' });
      }
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(accounts)
          .set({ totpSecret: account.totpPending, totpPending: null, totpEnabledAt: ctx.now, totpLastStep: step })
          .where(eq(accounts.id, account.id));
        await writeAudit(tx, ctx.auditKey, {
          actor: identity.username,
          action: 'auth.totpConfirm',
          targetType: 'account',
          targetId: identity.username,
          result: 'ok',
          source: ctx.ip,
          before: { totp: identity.totpEnabled },
          after: { totp: true },
        });
      });
      return { ok: true as const };
    }),

  /** Turns the second factor off (with the password); administrators cannot, their roles require it. */
  totpDisable: sessionProcedure()
    .input(z.object({ password: passwordField('密码', '请输入当前密码') }).strict())
    .mutation(async ({ ctx, input }) => {
      const identity = ctx.identity;
      if (secondFactorRequired(identity.grants))
        throw new TRPCError({ code: 'FORBIDDEN', message: '管理员账号必须使用动态口令，不能关闭' });
      const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, identity.accountId));
      if (!account || !(await verifyPassword(account.passwordHash, input.password))) {
        await audit(ctx, identity.username, 'auth.totpDisable', 'denied', { reason: 'wrong_password' });
        throw new TRPCError({ code: 'BAD_REQUEST', message: '当前密码不正确' });
      }
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(accounts)
          .set({ totpSecret: null, totpPending: null, totpEnabledAt: null, totpLastStep: null })
          .where(eq(accounts.id, account.id));
        await writeAudit(tx, ctx.auditKey, {
          actor: identity.username,
          action: 'auth.totpDisable',
          targetType: 'account',
          targetId: identity.username,
          result: 'ok',
          source: ctx.ip,
          before: { totp: true },
          after: { totp: false },
        });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
