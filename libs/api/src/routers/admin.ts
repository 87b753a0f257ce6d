import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { ModuleKey, ModuleManifestUpdate } from '@hyedu/domain';
import { ConflictError, setModuleEntry, tables } from '@hyedu/db';
import { readProcedure, writeProcedure } from '../trpc.ts';
import { accountsRouter } from './accounts.ts';
import { departmentsRouter } from './departments.ts';
import { securityRouter } from './security.ts';

const { modules } = tables;

/** The 系统管理员's module registry: where the portal loads each module from. Changes apply on the next page load. */
const modulesRouter = {
  list: readProcedure('admin:accounts').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({ key: modules.key, title: modules.title, basePath: modules.basePath, remoteEntry: modules.remoteEntry, version: modules.version, enabled: modules.enabled, updatedAt: modules.updatedAt })
      .from(modules)
      .orderBy(asc(modules.sortOrder));
    // Dates travel as ISO text (no transformer on the wire): say so in the type too.
    return rows.map((r) => ({ ...r, key: ModuleKey.parse(r.key), updatedAt: r.updatedAt.toISOString() }));
  }),

  update: writeProcedure('admin:accounts')
    .input(z.object({ key: ModuleKey, change: ModuleManifestUpdate, expectedUpdatedAt: z.iso.datetime({ offset: true, message: '缺少记录版本，请刷新后重试' }) }).strict())
    .mutation(async ({ ctx, input }) => {
      try {
        const row = await setModuleEntry(ctx, input.key, input.change, {
          actor: ctx.identity!.username,
          source: ctx.ip,
          expectedUpdatedAt: new Date(input.expectedUpdatedAt),
        });
        return { key: row.key, remoteEntry: row.remoteEntry, version: row.version, enabled: row.enabled, updatedAt: row.updatedAt.toISOString() };
      } catch (e) {
        if (e instanceof ConflictError) throw new TRPCError({ code: 'CONFLICT', message: e.message });
        throw e;
      }
    }),
} satisfies TRPCRouterRecord;

export const adminRouter = { modules: modulesRouter, accounts: accountsRouter, departments: departmentsRouter, security: securityRouter } satisfies TRPCRouterRecord;
