import { ATTACHMENT_LIMITS, checkAttachment, type FileKind } from '@hyedu/domain';
import { checkJpeg, checkPng } from './images.ts';
import { checkOffice } from './office.ts';
import { checkPdf } from './pdf.ts';

/**
 * The whole check of an attachment before it is stored: the domain's rule (size, real type from the first bytes, the
 * name's extension agrees), then the whole content for that type — pictures decoded, PDFs without active content,
 * Word and Excel files without macros or programs — under the domain's caps. Every refusal is a Chinese sentence
 * that says what to do.
 */
export type UploadCheck = { ok: true; kind: FileKind } | { ok: false; message: string };

export async function checkUpload(bytes: Uint8Array, fileName: string): Promise<UploadCheck> {
  const first = checkAttachment(bytes, fileName);
  if (!first.ok) return first;
  const { kind } = first;
  const limits = ATTACHMENT_LIMITS;
  const refusal =
    kind.ext === 'png'
      ? checkPng(bytes, limits.maxPixels)
      : kind.ext === 'jpg'
        ? checkJpeg(bytes, limits.maxPixels)
        : kind.ext === 'pdf'
          ? await checkPdf(bytes, limits.maxPdfStreamBytes)
          : kind.ext === 'docx' || kind.ext === 'xlsx'
            ? checkOffice(bytes, kind.ext, limits.zip)
            : '不支持的文件类型';
  return refusal ? { ok: false, message: refusal } : first;
}
