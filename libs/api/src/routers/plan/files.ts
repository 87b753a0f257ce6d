import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { PlanYear } from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { parseUpload, sha256, tracked } from '../../imports/run.ts';
import { ImportUpload } from '../../inputs.ts';
import { scopeText } from '../../queries.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { planStatusWorkbook } from './export.ts';
import { insertPlan, planLists, planTemplate } from './import.ts';

const Year = PlanYear;

/** A year's plan as files: its status exported, the template and the import (`plan.plans`). */
export const planFilesRouter = {
  /** The plan's status (every milestone with its state and the latest report) as an Excel file. */
  export: exportProcedure('plan')
    .input(z.object({ year: Year }).strict())
    .query(async ({ ctx, input }) => planStatusWorkbook(ctx, input.year, await scopeText(ctx.db, ctx.scope))),

  /** The template a next year's plan is filled in (科室 as a drop-down). */
  template: readProcedure('plan:admin').query(async ({ ctx }) => ({
    filename: '年度工作要点导入模板.xlsx',
    base64: await planTemplate(ctx.db),
  })),

  /**
   * Imports a year's plan from the filled template: `dryRun` only checks and reports every problem by sheet, row and
   * column; otherwise the whole plan is written in one transaction, or nothing. The file is parsed in a worker; the
   * plan is a few hundred rows at most, so it is written in one short transaction without staging.
   */
  import: writeProcedure('plan:admin')
    .input(ImportUpload)
    .mutation(({ ctx, input }) =>
      tracked(ctx, input, async (tracker, file) => {
        const parsed = await parseUpload(tracker, input.fileName, file, 'plan', await planLists(ctx.db));
        const summary = parsed.result
          ? {
              year: parsed.result.plan.year,
              sections: parsed.result.plan.sections.length,
              items: parsed.result.plan.sections.reduce((a, s) => a + s.items.length, 0),
              tasks: parsed.result.tasks.length,
              milestones: parsed.result.tasks.reduce((a, t) => a + t.milestones.length, 0),
            }
          : null;
        if (parsed.errors.length || input.dryRun)
          return { imported: false, errors: parsed.errors.slice(0, 200), errorCount: parsed.errors.length, summary };
        const result = parsed.result!;
        tracker.set({ phase: 'publishing' });
        await ctx.db.transaction(async (tx) => {
          try {
            await insertPlan(tx, result);
          } catch (e) {
            throw new TRPCError({ code: 'CONFLICT', message: (e as Error).message });
          }
          await auditChange(tx, ctx, {
            action: 'plan.importPlan',
            targetType: 'work_plan',
            targetId: String(result.plan.year),
            after: { file: input.fileName, sha256: sha256(file), ...summary },
          });
        });
        return { imported: true, errors: [], errorCount: 0, summary };
      }),
    ),
} satisfies TRPCRouterRecord;
