import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import {
  addModuleOrigin,
  ConflictError,
  moduleOriginRows,
  RegistryRefusal,
  removeModuleOrigin,
  setModuleEntry,
  tables,
  updateModuleOrigin,
  type Db,
} from '@hyedu/db';
import { dateTimeField, ExpectedVersion, ModuleKey, ModuleManifestUpdate, ModuleOrigin, ModuleOriginNote } from '@hyedu/domain';
import { forgetModuleOrigins } from '../module-origins.ts';
import { readProcedure, writeProcedure } from '../trpc.ts';
import { accountsRouter } from './accounts.ts';
import { departmentsRouter } from './departments.ts';
import { securityRouter } from './security.ts';

const { modules } = tables;

/** The 系统管理员's module registry: where the portal loads each module from. Changes apply on the next page load. */
const modulesRouter = {
  list: readProcedure('admin:accounts').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        key: modules.key,
        title: modules.title,
        titleEn: modules.titleEn,
        basePath: modules.basePath,
        remoteEntry: modules.remoteEntry,
        version: modules.version,
        enabled: modules.enabled,
        updatedAt: modules.updatedAt,
      })
      .from(modules)
      .orderBy(asc(modules.sortOrder));
    // Dates travel as ISO text (no transformer on the wire): say so in the type too.
    return rows.map((r) => ({ ...r, key: ModuleKey.parse(r.key), updatedAt: r.updatedAt.toISOString() }));
  }),

  update: writeProcedure('admin:accounts')
    .input(
      z.object({ key: ModuleKey, change: ModuleManifestUpdate, expectedUpdatedAt: dateTimeField('缺少记录版本，请刷新后重试') }).strict(),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        const row = await setModuleEntry(ctx, input.key, input.change, {
          actor: ctx.identity.username,
          source: ctx.ip,
          expectedUpdatedAt: new Date(input.expectedUpdatedAt),
        });
        return {
          key: row.key,
          remoteEntry: row.remoteEntry,
          version: row.version,
          enabled: row.enabled,
          updatedAt: row.updatedAt.toISOString(),
        };
      } catch (e) {
        if (e instanceof ConflictError) throw new TRPCError({ code: 'CONFLICT', message: e.message });
        // An entry on an origin that is not allow-listed: the field error, under the input's own path.
        if (e instanceof z.ZodError) {
          const issues = e.issues.map((i) => ({ ...i, path: ['change', ...i.path] }));
          throw new TRPCError({ code: 'BAD_REQUEST', message: issues[0]?.message ?? '输入有误', cause: new z.ZodRealError(issues) });
        }
        throw e;
      }
    }),
} satisfies TRPCRouterRecord;

const who = (ctx: { identity: { username: string }; ip: string }) => ({ actor: ctx.identity.username, source: ctx.ip });
/** Runs a change to the allow-list; its refusals become the matching tRPC errors, and the CSP sees the new list. */
async function originChange<T>(ctx: { db: Db }, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (e) {
    if (e instanceof RegistryRefusal) throw new TRPCError({ code: e.code, message: e.message });
    throw e;
  } finally {
    forgetModuleOrigins(ctx.db);
  }
}

/**
 * The 系统管理员's allow-list of origins besides the platform's own that module code may come from (a department's
 * own server). Registry entries are checked against it; the server's Content-Security-Policy allows exactly these.
 */
const moduleOriginsRouter = {
  list: readProcedure('admin:accounts').query(async ({ ctx }) =>
    (await moduleOriginRows(ctx.db)).map((r) => ({
      origin: r.origin,
      note: r.note,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: r.updatedBy,
    })),
  ),

  add: writeProcedure('admin:accounts')
    .input(z.object({ origin: ModuleOrigin, note: ModuleOriginNote }).strict())
    .mutation(({ ctx, input }) => originChange(ctx, async () => ({ version: (await addModuleOrigin(ctx, input, who(ctx))).version }))),

  update: writeProcedure('admin:accounts')
    .input(z.object({ origin: ModuleOrigin, expectedVersion: ExpectedVersion, note: ModuleOriginNote }).strict())
    .mutation(({ ctx, input }) => originChange(ctx, async () => ({ version: (await updateModuleOrigin(ctx, input, who(ctx))).version }))),

  remove: writeProcedure('admin:accounts')
    .input(z.object({ origin: ModuleOrigin, expectedVersion: ExpectedVersion }).strict())
    .mutation(({ ctx, input }) => originChange(ctx, () => removeModuleOrigin(ctx, input, who(ctx)))),
} satisfies TRPCRouterRecord;

export const adminRouter = {
  modules: modulesRouter,
  moduleOrigins: moduleOriginsRouter,
  accounts: accountsRouter,
  departments: departmentsRouter,
  security: securityRouter,
} satisfies TRPCRouterRecord;
