import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { checkFileName, ExcelFileError } from '@hyedu/excel';
import { writeAudit } from '@hyedu/db';
import { Upload } from '../../inputs.ts';
import { scopeText } from '../../queries.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { planStatusWorkbook } from './export.ts';
import { insertPlan, parsePlan, planTemplate } from './import.ts';

const Year = z.number().int().min(2000).max(2100);

export const planFilesRouter = {
  /** The plan's status (every milestone with its state and the latest report) as an Excel file. */
  exportStatus: exportProcedure('plan')
    .input(z.object({ year: Year }).strict())
    .query(async ({ ctx, input }) => planStatusWorkbook(ctx, input.year, await scopeText(ctx.db, ctx.scope))),

  /** The template a next year's plan is filled in (科室 as a drop-down). */
  template: readProcedure('plan:admin').query(async ({ ctx }) => ({ filename: '年度工作要点导入模板.xlsx', base64: await planTemplate(ctx.db) })),

  /**
   * Imports a year's plan from the filled template: `dryRun` only checks and reports every problem by sheet, row and
   * column; otherwise the whole plan is written in one transaction, or nothing.
   */
  importPlan: writeProcedure('plan:admin')
    .input(Upload.extend({ dryRun: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      let parsed: Awaited<ReturnType<typeof parsePlan>>;
      try {
        checkFileName(input.fileName);
        parsed = await parsePlan(ctx.db, Buffer.from(input.base64, 'base64'));
      } catch (e) {
        if (e instanceof ExcelFileError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
        throw e;
      }
      const summary = parsed.result
        ? { year: parsed.result.plan.year, sections: parsed.result.plan.sections.length, items: parsed.result.plan.sections.reduce((a, s) => a + s.items.length, 0), tasks: parsed.result.tasks.length, milestones: parsed.result.tasks.reduce((a, t) => a + t.milestones.length, 0) }
        : null;
      if (parsed.errors.length || input.dryRun) return { imported: false, errors: parsed.errors.slice(0, 200), errorCount: parsed.errors.length, summary };
      const result = parsed.result!;
      await ctx.db.transaction(async (tx) => {
        try {
          await insertPlan(tx, result);
        } catch (e) {
          throw new TRPCError({ code: 'CONFLICT', message: (e as Error).message });
        }
        await writeAudit(tx, ctx.auditKey, { actor: ctx.identity!.username, action: 'plan.importPlan', targetType: 'work_plan', targetId: String(result.plan.year), result: 'ok', source: ctx.ip, after: { file: input.fileName, ...summary } });
      });
      return { imported: true, errors: [], errorCount: 0, summary };
    }),
} satisfies TRPCRouterRecord;
