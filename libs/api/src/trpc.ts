import { initTRPC, TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ModuleKey } from '@hyedu/domain';
import { tables } from '@hyedu/db';
import type { Context } from './context.ts';

/**
 * What a procedure needs. Every procedure declares one (a test walks the router and fails on any that
 * does not). The identity work adds roles and county scope to this same declaration.
 */
export interface Policy {
  /** 'platform' for the portal's own data, or the department module the procedure belongs to. */
  module: 'platform' | ModuleKey;
  action: 'read' | 'write';
}
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
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        // Never leak internals: a 500 says only that the system is busy.
        message: internal ? '系统繁忙，请稍后重试' : shape.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, zodError, stack: undefined, path: shape.data.path },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one place where a procedure's declared policy is enforced. */
const enforcePolicy = t.middleware(async ({ ctx, meta, next, path }) => {
  const policy = meta?.policy;
  if (!policy) throw new TRPCError({ code: 'FORBIDDEN', message: `接口 ${path} 未声明访问策略` });
  if (policy.action === 'write') {
    // Writes need an authenticated user; accounts arrive with the identity issue, so until then none pass.
    throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  }
  if (policy.module !== 'platform') {
    const [row] = await ctx.db.select({ enabled: tables.modules.enabled }).from(tables.modules).where(eq(tables.modules.key, policy.module));
    if (!row?.enabled) throw new TRPCError({ code: 'FORBIDDEN', message: '该模块已停用' });
  }
  return next();
});

const base = t.procedure.use(enforcePolicy);

/** A read-only procedure of the portal or of one module. */
export const readProcedure = (module: Policy['module']) => base.meta({ policy: { module, action: 'read' } });
