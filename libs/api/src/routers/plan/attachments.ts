import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { RecordId } from '@hyedu/domain';
import { storeUpload } from '../../attach.ts';
import { describeFile, FILE_COLUMNS } from '../../file-meta.ts';
import { Upload } from '../../inputs.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { reportIfVisible, reportingUnit, visibleReport } from './access.ts';

const { attachments } = tables;
const OWNER = 'progress_report';

/** A report's evidence files (`plan.reports`). */
export const reportFilesRouter = {
  /** Attaches one evidence file to a report the caller filed (while it is under review or returned). */
  attach: writeProcedure('plan')
    .input(z.object({ reportId: RecordId, fileName: Upload.shape.fileName, base64: Upload.shape.base64 }).strict())
    .mutation(async ({ ctx, input }) => {
      const { report, task } = await visibleReport(ctx, input.reportId);
      const unit = await reportingUnit(ctx, task, report.unitCode);
      if (unit !== report.unitCode) throw new TRPCError({ code: 'FORBIDDEN', message: '只能为本单位的报告上传附件' });
      if (report.review === 'reviewed') throw new TRPCError({ code: 'CONFLICT', message: '该报告已审核，不能再添加附件' });
      return storeUpload(ctx, {
        upload: input,
        ownerType: OWNER,
        ownerId: report.id,
        full: (max) => `每份报告最多 ${max} 个附件`,
        audit: { action: 'plan.attach', targetType: OWNER, targetId: String(report.id) },
      });
    }),

  /** An attachment, for whoever may see its report (its bytes come from GET /api/files/plan/:id, which calls this first). */
  file: readProcedure('plan')
    .input(z.object({ id: RecordId }).strict())
    .query(async ({ ctx, input }) => {
      const file = await scoped('attachment', input.id, async () => {
        const [row] = await ctx.db
          .select(FILE_COLUMNS)
          .from(attachments)
          .where(and(eq(attachments.id, input.id), eq(attachments.ownerType, OWNER)));
        return row && (await reportIfVisible(ctx, row.ownerId)) && row;
      });
      return describeFile(file);
    }),
} satisfies TRPCRouterRecord;
