import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

// Real files for the browser tests to upload (the server decodes pictures and parses PDFs whole, so magic bytes are not enough).
// The API's tests use the same kind from @hyedu/files/testing; tooling may not import libraries, hence these few lines.

/** A real PNG picture (a gradient). */
export function realPng(width = 120, height = 80): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([(i * 7) % 256, (i * 3) % 256, 160, 255], i * 4);
  return PNG.sync.write(png);
}

/** A real one-page PDF. */
export async function realPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Approval of the conversion to public schools', { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save());
}
