import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { Department, ExpectedVersion } from '@hyedu/domain';
import { auditChange } from '../audit-change.ts';
import { readProcedure, writeProcedure } from '../trpc.ts';
import { conflict } from '../workflow-step.ts';

const { departments } = tables;

/**
 * 科室 (系统管理员, with the organisation): the list is data because the bureau's real departments are not public.
 * A department's key never changes (plans and grants refer to it); its name, module and order may.
 */
export const departmentsRouter = {
  list: readProcedure('admin:accounts').query(({ ctx }) => ctx.db.select().from(departments).orderBy(asc(departments.sortOrder))),

  create: writeProcedure('admin:accounts')
    .input(Department)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [exists] = await tx.select({ key: departments.key }).from(departments).where(eq(departments.key, input.key));
        if (exists) throw new TRPCError({ code: 'CONFLICT', message: `科室代码 ${input.key} 已存在` });
        await tx.insert(departments).values(input);
        await auditChange(tx, ctx, { action: 'admin.departments.create', targetType: 'department', targetId: input.key, after: input });
        return { key: input.key };
      }),
    ),

  update: writeProcedure('admin:accounts')
    .input(
      z
        .object({
          key: Department.shape.key,
          expectedVersion: ExpectedVersion,
          name: Department.shape.name,
          module: Department.shape.module,
          sortOrder: Department.shape.sortOrder,
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(departments).where(eq(departments.key, input.key)).for('update');
        if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: '科室不存在' });
        if (before.version !== input.expectedVersion) throw conflict();
        const [after] = await tx
          .update(departments)
          .set({ name: input.name, module: input.module, sortOrder: input.sortOrder, version: before.version + 1 })
          .where(eq(departments.key, input.key))
          .returning();
        await auditChange(tx, ctx, {
          action: 'admin.departments.update',
          targetType: 'department',
          targetId: input.key,
          before: { name: before.name, module: before.module, sortOrder: before.sortOrder },
          after: { name: after!.name, module: after!.module, sortOrder: after!.sortOrder },
        });
        return { version: after!.version };
      }),
    ),
} satisfies TRPCRouterRecord;
