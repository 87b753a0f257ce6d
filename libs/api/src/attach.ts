import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { ATTACHMENT_LIMITS, safeFileName } from '@hyedu/domain';
import { checkUploadInWorker } from '@hyedu/files';
import { auditChange } from './audit-change.ts';
import type { AuthedContext } from './context.ts';

const { attachments } = tables;

export interface StoredUpload {
  /** The file as sent: its name and its bytes in base64 (the `Upload` input). */
  upload: { fileName: string; base64: string };
  /** The slot it is filed under (`safety_hazard:after`, `funding_project:in_use`, …) and the record. */
  ownerType: string;
  ownerId: number;
  /** The refusal once the slot holds `ATTACHMENT_LIMITS.perRecord` files, e.g. 「每份报告最多 5 个附件」. */
  full: (max: number) => string;
  /** The audit record: its action and target; `after` adds to what is always recorded (the file's id, name, type, size, digest). */
  audit: { action: string; targetType: string; targetId: string; after?: Record<string, unknown> };
}

/**
 * The one way a user's file is stored on a record: judged by its whole content first (`checkUploadInWorker`, off the
 * request's thread), then in one transaction the slot's cap, the row and its audit record. The caller has checked that
 * the record is the caller's to add to (scope, state).
 */
export async function storeUpload(ctx: AuthedContext, u: StoredUpload): Promise<{ id: number }> {
  const bytes = Buffer.from(u.upload.base64, 'base64');
  const fileName = safeFileName(u.upload.fileName);
  const check = await checkUploadInWorker(bytes, fileName);
  if (!check.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: check.message });
  return ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.ownerType, u.ownerType), eq(attachments.ownerId, u.ownerId)));
    if (n >= ATTACHMENT_LIMITS.perRecord) throw new TRPCError({ code: 'BAD_REQUEST', message: u.full(ATTACHMENT_LIMITS.perRecord) });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [file] = await tx
      .insert(attachments)
      .values({
        ownerType: u.ownerType,
        ownerId: u.ownerId,
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
      action: u.audit.action,
      targetType: u.audit.targetType,
      targetId: u.audit.targetId,
      after: { attachment: file!.id, ...u.audit.after, fileName, mime: check.kind.mime, size: bytes.length, sha256 },
    });
    return { id: file!.id };
  });
}
