import { initTRPC, TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, tables, type Db } from '@hyedu/db';
import { authorize, ModuleKey, type Action, type AllowedScope, type Area, type KpiId } from '@hyedu/domain';
import { labelledMessage } from '@hyedu/domain/fields';
import type { Context } from './context.ts';
import { auditExport, auditView } from './exports.ts';
import { forgetAfterWrite } from './kpi/rollup.ts';
import { auditRefusal } from './refusals.ts';
import { readOnStandby, rememberWrite } from './standby-reads.ts';

/**
 * What a procedure needs. Every procedure declares one (a test walks the router and fails on any that
 * does not); the one middleware below enforces it.
 * - public: anyone (login, the current session, health);
 * - session: any signed-in account (its own sessions, its password);
 * - area: a permission on an area (the portal's data, a module, an admin area) — decided by the domain's
 *   authorize(), which also yields the data scope the procedure's queries must apply.
 */
export type Policy =
  { access: 'public' } | { access: 'session'; allowDuringSetup?: boolean } | { access: 'area'; area: Area; action: Action };
export interface Meta {
  policy?: Policy;
  /** An export of personal or business data (exportProcedure): audited with its filter and row count. */
  export?: boolean;
  /** A read of sensitive records (viewProcedure): every successful call leaves an audit record with its input. */
  view?: boolean;
  /** A list (listProcedure): its query may be answered by the standby (standby-reads.ts). */
  standby?: boolean;
  /**
   * A write whose records feed only these KPIs: after it the dashboards recompute just these, not every KPI of its
   * module (the default). Declared where a frequent write touches one KPI's records; a test shows the others unmoved.
   */
  moves?: readonly KpiId[];
}

// initTRPC is called once; only the builders below are exported, so every procedure goes through them.
const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
      // Each problem with its full path (policy.idleMinutes, grants.0.unitCode) and a message that names its field
      // (「标题：不能为空」): forms show it beside the field, and it still says which field when shown alone.
      const issues =
        error.cause instanceof z.ZodError
          ? error.cause.issues.map((i) => ({ path: i.path.join('.'), message: labelledMessage(i.path, i.message) }))
          : null;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      // The database stopped, restarting or failing over: a 503 that says nothing was written (the transaction that
      // did not commit left nothing) and that trying again will do.
      if (internal && isDatabaseUnavailable(error.cause)) {
        const data = {
          code: 'SERVICE_UNAVAILABLE' as const,
          httpStatus: 503,
          zodError: null,
          issues: null,
          stack: undefined,
          path: shape.data.path,
        };
        return { ...shape, message: DATABASE_UNAVAILABLE_MESSAGE, data };
      }
      return {
        ...shape,
        // Never leak internals: a 500 says only that the system is busy. Refused input says its first problem
        // (zod's own message is a JSON dump of the issues, in English).
        message: internal
          ? '系统繁忙，请稍后重试'
          : issues?.length
            ? issues
                .map((i) => i.message)
                .slice(0, 3)
                .join('；')
            : shape.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, zodError, issues, stack: undefined, path: shape.data.path },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A permission's decision: the data scope, or the refusal's code and message. */
export type PermissionDecision =
  { allowed: true; scope: AllowedScope } | { allowed: false; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

/**
 * The one access decision for a signed-in request: the domain's authorize() on the session's grants, and a module
 * must be enabled. The middleware takes it for the procedure's declared policy; a procedure that shows several
 * areas at once (the dashboard's KPIs of every module) takes it for each area it shows.
 */
export async function permission(ctx: Context, area: Area, action: Action): Promise<PermissionDecision> {
  if (!ctx.identity) return { allowed: false, code: 'UNAUTHORIZED', message: ctx.sessionEnded ?? '请先登录' };
  const decision = authorize(ctx.identity.grants, { area, action });
  if (!decision.allowed) return { allowed: false, code: 'FORBIDDEN', message: decision.message };
  const module = ModuleKey.safeParse(area);
  if (module.success) {
    const [row] = await ctx.db.select({ enabled: tables.modules.enabled }).from(tables.modules).where(eq(tables.modules.key, module.data));
    if (!row?.enabled) return { allowed: false, code: 'FORBIDDEN', message: '该模块已停用' };
  }
  return decision;
}

/** What the policy lets this request do: go on (with the data scope for area policies) or be refused. */
async function decide(
  ctx: Context,
  policy: Policy | undefined,
  path: string,
): Promise<PermissionDecision | { allowed: true; scope: null }> {
  if (!policy) return { allowed: false, code: 'FORBIDDEN', message: `接口 ${path} 未声明访问策略` };
  if (policy.access === 'public') return { allowed: true, scope: null };
  const identity = ctx.identity;
  if (!identity) return { allowed: false, code: 'UNAUTHORIZED', message: ctx.sessionEnded ?? '请先登录' };
  const setupOnly = policy.access === 'session' && policy.allowDuringSetup;
  if (identity.mustChange && !setupOnly) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: identity.mustChange === 'EXPIRED' ? '密码已过期，请先修改密码' : '首次登录，请先修改初始密码',
    };
  }
  if (identity.totpSetupRequired && !setupOnly)
    return { allowed: false, code: 'FORBIDDEN', message: '管理员账号须先绑定动态口令（双因素认证）' };
  if (policy.access === 'session') return { allowed: true, scope: null };
  return permission(ctx, policy.area, policy.action);
}

/**
 * Whether this request would pass a policy, by the same decision (for a public procedure that adds what its caller may
 * see: the portal's start adds the module registry). Asking is not a refusal, so nothing is audited.
 */
export async function passes(ctx: Context, policy: Policy): Promise<boolean> {
  return (await decide(ctx, policy, '')).allowed;
}

/**
 * The one place where a procedure's declared policy is enforced (anything unexpected refuses), and where every
 * refusal is audited — the policy's own and those the procedure throws (FORBIDDEN, NOT_FOUND) — and every export;
 * after a successful write the KPIs its area feeds are dropped (forgetAfterWrite).
 */
const enforcePolicy = t.middleware(async ({ ctx, meta, next, path, type, getRawInput }) => {
  const input = () => getRawInput().catch(() => undefined);
  const decision = await decide(ctx, meta?.policy, path);
  if (!decision.allowed) {
    const error = new TRPCError({ code: decision.code, message: decision.message });
    await auditRefusal(ctx, path, error, await input());
    throw error;
  }
  const scope = decision.scope;
  const run = (db: Db | undefined) => next({ ctx: { ...ctx, ...(scope ? { scope } : {}), ...(db ? { db } : {}) } });
  // A list may be read from the standby (the decision above, and every audit record below, use the primary).
  const result = type === 'query' && meta?.standby ? await readOnStandby(ctx.standby, ctx.wrote, run) : await run(undefined);
  // A business write: this browser's lists read the primary until the standby has it.
  if (result.ok && type === 'mutation' && meta?.policy?.access === 'area')
    await rememberWrite(ctx.standby, ctx.setCookie, ctx.secureCookies);
  if (!result.ok) await auditRefusal(ctx, path, result.error, await input());
  // A write of an area moves the KPIs fed by its records: every instance recomputes them on its next read.
  else if (type === 'mutation' && meta?.policy?.access === 'area') forgetAfterWrite(ctx.db, meta.policy.area, meta.moves);
  // An export is an area read: it passed the policy, so its caller is signed in.
  else if (meta?.export && ctx.identity)
    await auditExport({ ...ctx, identity: ctx.identity, scope: scope ?? ctx.scope }, path, await input(), result.data);
  else if (meta?.view && ctx.identity) await auditView({ ...ctx, identity: ctx.identity, scope: scope ?? ctx.scope }, path, await input());
  return result;
});

const base = t.procedure.use(enforcePolicy);

/**
 * Past the policy of a session or area procedure the caller is signed in: procedures get a non-null identity (and,
 * for area policies, the scope the middleware decided), so none has to assert it.
 */
const signedIn = t.middleware(({ ctx, next }) => {
  if (!ctx.identity) throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.sessionEnded ?? '请先登录' });
  return next({ ctx: { identity: ctx.identity } });
});
const authed = base.use(signedIn);

export const publicProcedure = base.meta({ policy: { access: 'public' } });
/**
 * Any signed-in account; `allowDuringSetup` for the few calls a user needs while the account must first change
 * its password or set up its second factor (sign out, change password, set up TOTP).
 */
export const sessionProcedure = (allowDuringSetup = false) => authed.meta({ policy: { access: 'session', allowDuringSetup } });
/** Reads an area (the portal's own data, a module, …); queries must apply ctx.scope. */
export const readProcedure = (area: Area) => authed.meta({ policy: { access: 'area', area, action: 'read' } });
/**
 * A list of an area's records: a read whose query may be answered by the standby when one is configured and has
 * replayed the reader's own last write. It must only read (the standby refuses writes) and keep no memo of its
 * database (KPIs and anything cached read the primary, whose notifications drop them).
 */
export const listProcedure = (area: Area) => authed.meta({ policy: { access: 'area', area, action: 'read' }, standby: true });
/** Changes data of an area; the procedure validates its input with zod, runs one transaction and writes an audit row in it. */
export const writeProcedure = (area: Area) => authed.meta({ policy: { access: 'area', area, action: 'write' } });
/**
 * Exports personal or business data of an area as a file: a query (GET) like any read, whose answer must carry the
 * number of rows it holds (`rows`); the middleware records who exported what (the filter, the row count, the scope).
 */
/** Reads records whose every view is audited (师德失范 cases): one record per request, with its filter or id. */
export const viewProcedure = (area: Area) => authed.meta({ policy: { access: 'area', area, action: 'read' }, view: true });
export const exportProcedure = (area: Area) => authed.meta({ policy: { access: 'area', area, action: 'read' }, export: true });
