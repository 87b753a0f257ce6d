import { describe, expect, it } from 'vitest';
import { checkUploadInWorker } from './in-worker.ts';
import { realJpeg, realPdf, realPng } from './testing.ts';

describe('the check runs in a worker thread of its own', () => {
  it('gives the same answers as in the calling thread', async () => {
    expect(await checkUploadInWorker(realJpeg(800, 600), '现场.jpg')).toMatchObject({ ok: true, kind: { mime: 'image/jpeg' } });
    expect(await checkUploadInWorker(await realPdf(), '报告.pdf')).toMatchObject({ ok: true, kind: { mime: 'application/pdf' } });
    expect(await checkUploadInWorker(Buffer.concat([realPng(), Buffer.from('<script>')]), 'a.png')).toEqual({
      ok: false,
      message: '图片末尾附带了其他数据，已拒绝；请用画图或截图工具另存为新图片后再上传',
    });
  });
  it('a file that takes longer than allowed is refused, not waited for; the next file gets a fresh worker', async () => {
    const [slow, next] = await Promise.all([
      checkUploadInWorker(realJpeg(2000, 1500), 'big.jpg', { timeoutMs: 1 }),
      checkUploadInWorker(realPng(), 'a.png'),
    ]);
    expect(slow).toEqual({ ok: false, message: expect.stringContaining('文件过于复杂') });
    expect(next).toMatchObject({ ok: true });
  });
});
