import { createHash } from 'node:crypto';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { ATTACHMENT_LIMITS, RecordId, safeFileName } from '@hyedu/domain';
import { checkUploadInWorker } from '@hyedu/files';
import { auditChange } from '../../audit-change.ts';
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
      const bytes = Buffer.from(input.base64, 'base64');
      const fileName = safeFileName(input.fileName);
      const check = await checkUploadInWorker(bytes, fileName);
      if (!check.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: check.message });
      return ctx.db.transaction(async (tx) => {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: count() })
          .from(attachments)
          .where(and(eq(attachments.ownerType, OWNER), eq(attachments.ownerId, report.id)));
        if (n >= ATTACHMENT_LIMITS.perRecord)
          throw new TRPCError({ code: 'BAD_REQUEST', message: `每份报告最多 ${ATTACHMENT_LIMITS.perRecord} 个附件` });
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const [row] = await tx
          .insert(attachments)
          .values({
            ownerType: OWNER,
            ownerId: report.id,
            fileName,
            mime: check.kind.mime,
            size: bytes.length,
            sha256,
            content: bytes,
            checked: true,
            uploadedBy: ctx.identity.username,
            uploadedAt: ctx.now,
          })
          .returning({ id: attachments.id });
        await auditChange(tx, ctx, {
          action: 'plan.attach',
          targetType: OWNER,
          targetId: String(report.id),
          after: { attachment: row!.id, fileName, mime: check.kind.mime, size: bytes.length, sha256 },
        });
        return { id: row!.id };
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
