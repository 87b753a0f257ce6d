import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, checkAttachment, safeFileName, showsInline } from './attachment.ts';

// This rule reads only a file's first bytes (and runs in the browser too), so first bytes are what it is given here;
// whole files — real PNG, JPEG, PDF, .docx and .xlsx, and hostile ones — are checked by @hyedu/files' tests.
const PDF = new TextEncoder().encode('%PDF-1.7\n...');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);

describe('attachments', () => {
  it('are judged by their content: PDF, images, Word and Excel files', () => {
    expect(checkAttachment(PDF, '进展佐证.pdf')).toMatchObject({ ok: true, kind: { mime: 'application/pdf' } });
    expect(checkAttachment(PNG, '现场照片.PNG')).toMatchObject({ ok: true, kind: { mime: 'image/png' } });
    expect(checkAttachment(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), '台账.xlsx')).toMatchObject({ ok: true });
  });
  it('a renamed program, a mismatched name, an empty or oversize file are refused, in Chinese', () => {
    expect(checkAttachment(EXE, '照片.jpg')).toEqual({ ok: false, message: '只能上传 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件' });
    expect(checkAttachment(PDF, '照片.png')).toEqual({ ok: false, message: '文件内容是PDF，与扩展名“.png”不符' });
    expect(checkAttachment(new Uint8Array(), 'a.pdf')).toEqual({ ok: false, message: '文件为空' });
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1);
    big.set(PDF);
    expect(checkAttachment(big, 'a.pdf')).toEqual({ ok: false, message: '文件过大，最大 5MB' });
  });
  it('only a picture whose whole content was checked at upload is shown in the page', () => {
    expect(showsInline({ mime: 'image/png', checked: true })).toBe(true);
    expect(showsInline({ mime: 'image/jpeg', checked: true })).toBe(true);
    expect(showsInline({ mime: 'image/png', checked: false })).toBe(false); // stored before the check
    expect(showsInline({ mime: 'application/pdf', checked: true })).toBe(false);
  });
  it('the caps on checking a file bound what it may expand to', () => {
    expect(ATTACHMENT_LIMITS.zip.maxEntryBytes).toBeLessThanOrEqual(ATTACHMENT_LIMITS.zip.maxUnpackedBytes);
    expect(ATTACHMENT_LIMITS.zip.maxUnpackedBytes).toBeLessThanOrEqual(ATTACHMENT_LIMITS.maxBytes * ATTACHMENT_LIMITS.zip.maxRatio);
    expect(Object.isFrozen(ATTACHMENT_LIMITS.zip)).toBe(true);
  });
  it('file names lose paths and control characters', () => {
    expect(safeFileName('C:\\\\Users\\\\x\\\\报告.pdf')).toBe('报告.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b"<>.pdf')).toBe('ab.pdf');
    expect(safeFileName('')).toBe('附件');
  });
});
