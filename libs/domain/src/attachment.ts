/**
 * Evidence files attached to records (progress reports, hazard photos): what is accepted, decided from the file's
 * first bytes (its real type), not from its name, and the caps that bound what checking its whole content may cost.
 * Pure: `checkAttachment` also runs in the browser; the server then checks the whole file for its type with these
 * caps (@hyedu/files) before storing anything.
 */
export const ATTACHMENT_LIMITS = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  perRecord: 5,
  /** Largest picture, in pixels (25 million ≈ a 6000 × 4000 photo): decoding costs about 4 bytes a pixel. */
  maxPixels: 25_000_000,
  /** A Word or Excel file is a zip: these hold while it is inflated, whatever its headers declare. */
  zip: Object.freeze({ maxEntries: 1_000, maxUnpackedBytes: 50 * 1024 * 1024, maxEntryBytes: 40 * 1024 * 1024, maxRatio: 100 }),
  /** Bytes that a PDF's compressed streams may expand to, in all, while it is read. */
  maxPdfStreamBytes: 50 * 1024 * 1024,
});

export interface FileKind {
  mime: string;
  ext: string;
  label: string;
}
const KINDS: { test: (b: Uint8Array) => boolean; kind: FileKind }[] = [
  {
    test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d,
    kind: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  },
  {
    test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
    kind: { mime: 'image/png', ext: 'png', label: 'PNG 图片' },
  },
  { test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, kind: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG 图片' } },
];
const ZIP = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const OFFICE: Record<string, FileKind> = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', label: 'Word 文档' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', label: 'Excel 工作簿' },
};

/** The accepted kind of a file, or the Chinese reason it is refused. */
export function checkAttachment(bytes: Uint8Array, fileName: string): { ok: true; kind: FileKind } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: '文件为空' };
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes)
    return { ok: false, message: `文件过大，最大 ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024}MB` };
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  const found = KINDS.find((k) => k.test(bytes))?.kind ?? (ZIP(bytes) ? OFFICE[ext] : undefined);
  if (!found) return { ok: false, message: '只能上传 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件' };
  const sameKind = found.ext === ext || (found.ext === 'jpg' && ext === 'jpeg');
  if (!sameKind) return { ok: false, message: `文件内容是${found.label}，与扩展名“.${ext || '无'}”不符` };
  return { ok: true, kind: found };
}

/** Only a picture whose whole content was decoded when it was uploaded may be shown in the page; anything else downloads. */
export function showsInline(file: { mime: string; checked: boolean }): boolean {
  return file.checked && (file.mime === 'image/png' || file.mime === 'image/jpeg');
}

/** A file name safe to store and to send back (no path, no control characters, at most 100 characters). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  return (clean || '附件').slice(-100);
}
