import { initTRPC, TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ModuleKey, authorize, type Action, type Area } from '@hyedu/domain';
import { tables, writeAudit } from '@hyedu/db';
import type { Context } from './context.ts';

/**
 * What a procedure needs. Every procedure declares one (a test walks the router and fails on any that
 * does not); the one middleware below enforces it.
 * - public: anyone (login, the current session, health);
 * - session: any signed-in account (its own sessions, its password);
 * - area: a permission on an area (the portal's data, a module, an admin area) — decided by the domain's
 *   authorize(), which also yields the data scope the procedure's queries must apply.
 */
export type Policy =
  | { access: 'public' }
  | { access: 'session'; allowDuringSetup?: boolean }
  | { access: 'area'; area: Area; action: Action };
export interface Meta {
  policy?: Policy;
}

// initTRPC is called once; only the builders below are exported, so every procedure goes through them.
const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
      // Each problem with its full path (policy.idleMinutes, grants.0.unitCode): forms show it beside the field.
      const issues = error.cause instanceof z.ZodError ? error.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : null;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        // Never leak internals: a 500 says only that the system is busy.
        message: internal ? '系统繁忙，请稍后重试' : shape.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, zodError, issues, stack: undefined, path: shape.data.path },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const deny = async (ctx: Context, path: string, code: 'UNAUTHORIZED' | 'FORBIDDEN', message: string) => {
  if (ctx.identity) {
    // Denied attempts by signed-in accounts are audited (等保 安全审计; ASVS 16.3.2).
    await ctx.db.transaction((tx) =>
      writeAudit(tx, ctx.auditKey, { actor: ctx.identity!.username, action: path, targetType: 'procedure', targetId: path, result: 'denied', source: ctx.ip, after: { message } }),
    );
  }
  throw new TRPCError({ code, message });
};

/** The one place where a procedure's declared policy is enforced. Anything unexpected denies. */
const enforcePolicy = t.middleware(async ({ ctx, meta, next, path }) => {
  const policy = meta?.policy;
  if (!policy) throw new TRPCError({ code: 'FORBIDDEN', message: `接口 ${path} 未声明访问策略` });
  if (policy.access === 'public') return next();
  const identity = ctx.identity;
  if (!identity) throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.sessionEnded ?? '请先登录' });
  const setupOnly = policy.access === 'session' && policy.allowDuringSetup;
  if (identity.mustChange && !setupOnly) {
    throw new TRPCError({ code: 'FORBIDDEN', message: identity.mustChange === 'EXPIRED' ? '密码已过期，请先修改密码' : '首次登录，请先修改初始密码' });
  }
  if (identity.totpSetupRequired && !setupOnly) {
    throw new TRPCError({ code: 'FORBIDDEN', message: '管理员账号须先绑定动态口令（双因素认证）' });
  }
  if (policy.access === 'session') return next();
  const decision = authorize(identity.grants, { area: policy.area, action: policy.action });
  if (!decision.allowed) return deny(ctx, path, 'FORBIDDEN', decision.message);
  const module = ModuleKey.safeParse(policy.area);
  if (module.success) {
    const [row] = await ctx.db.select({ enabled: tables.modules.enabled }).from(tables.modules).where(eq(tables.modules.key, module.data));
    if (!row?.enabled) throw new TRPCError({ code: 'FORBIDDEN', message: '该模块已停用' });
  }
  return next({ ctx: { ...ctx, scope: decision.scope } });
});

const base = t.procedure.use(enforcePolicy);

export const publicProcedure = base.meta({ policy: { access: 'public' } });
/**
 * Any signed-in account; `allowDuringSetup` for the few calls a user needs while the account must first change
 * its password or set up its second factor (sign out, change password, set up TOTP).
 */
export const sessionProcedure = (allowDuringSetup = false) => base.meta({ policy: { access: 'session', allowDuringSetup } });
/** Reads an area (the portal's own data, a module, …); queries must apply ctx.scope. */
export const readProcedure = (area: Area) => base.meta({ policy: { access: 'area', area, action: 'read' } });
/** Changes data of an area; the procedure validates its input with zod, runs one transaction and writes an audit row in it. */
export const writeProcedure = (area: Area) => base.meta({ policy: { access: 'area', area, action: 'write' } });
