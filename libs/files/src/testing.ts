import { crc32, deflateRawSync } from 'node:zlib';
import { Deflate, strToU8, unzipSync, zipSync, Zlib } from 'fflate';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

// Real files and hostile files for tests (not used in production code): what a user, or an attacker, would upload.

/** A real PNG picture (a gradient), `width` × `height`. */
export function realPng(width = 64, height = 48): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([(i * 7) % 256, (i * 3) % 256, 128, 255], i * 4);
  return PNG.sync.write(png);
}

/** A real JPEG photo (a gradient), `width` × `height`. */
export function realJpeg(width = 64, height = 48): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i * 5) % 256, (i * 11) % 256, 64, 255], i * 4);
  return jpeg.encode({ width, height, data }, 85).data;
}

/** A real one-page PDF; `tamper` may add to its catalog before saving (actions, attachments). Object streams by default, as most writers do. */
export async function realPdf(tamper?: (doc: PDFDocument) => void | Promise<void>, objectStreams = true): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Evidence of rectification, 2022', { x: 50, y: 780, size: 14, font });
  await tamper?.(doc);
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

/** Adds a document-level JavaScript action that runs when the PDF opens. */
export function openWithJavaScript(doc: PDFDocument): void {
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') }));
}

/** Adds a launch action that starts a program when the PDF opens. */
export function openWithLaunch(doc: PDFDocument): void {
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }));
}

const CONTENT_TYPES = (main: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${main}${extra}</Types>`;
const ROOT_RELS = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
type Parts = Record<string, string | Uint8Array>;
const zipParts = (parts: Parts) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]))));

export const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** A real Word document (the parts Word needs to open it); `extra` adds or replaces parts, `contentTypes` adds declarations. */
export function realDocx(extra: Parts = {}, contentTypes = '', main = DOCX_MAIN): Buffer {
  return zipParts({
    '[Content_Types].xml': CONTENT_TYPES(`<Override PartName="/word/document.xml" ContentType="${main}"/>`, contentTypes),
    '_rels/.rels': ROOT_RELS('word/document.xml'),
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>整改报告</w:t></w:r></w:p></w:body></w:document>',
    ...extra,
  });
}

/** A real Excel workbook with one sheet; `extra` adds or replaces parts, `contentTypes` adds declarations. */
export function realXlsx(extra: Parts = {}, contentTypes = '', main = XLSX_MAIN): Buffer {
  return zipParts({
    '[Content_Types].xml': CONTENT_TYPES(
      `<Override PartName="/xl/workbook.xml" ContentType="${main}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      contentTypes,
    ),
    '_rels/.rels': ROOT_RELS('xl/workbook.xml'),
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>台账</t></is></c></row></sheetData></worksheet>',
    ...extra,
  });
}

/** A tiny Windows program's first bytes (what a renamed or embedded .exe starts with). */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]);

/** One entry of a hand-made zip whose headers may lie. */
export interface RawEntry {
  name: string;
  /** The content; or give `deflated` (raw deflate) and `size` for content too large to hold (a bomb). */
  data?: Uint8Array;
  deflated?: Uint8Array;
  size?: number;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The uncompressed size the headers declare (both of them), instead of the real one. */
  declaredSize?: number;
  /** Only in the local headers (what a streaming reader sees), not in the central directory. */
  hidden?: boolean;
  /** The central directory's record for this entry points at the local header of entry number `pointsAt`. */
  pointsAt?: number;
}

/** A zip written by hand so that its headers can say what an attacker wants; `count` overrides the directory's entry count. */
export function rawZip(entries: readonly RawEntry[], count?: number): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const packed = entries.map((e) => e.deflated ?? (e.store ? e.data! : deflateRawSync(e.data!)));
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name);
    const data = packed[i]!;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(e.data ? crc32(e.data) : 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.size ?? e.data!.length, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(at);
    parts.push(local, name, Buffer.from(data));
    at += 30 + name.length + data.length;
  });
  const dirStart = at;
  let listed = 0;
  entries.forEach((e, i) => {
    if (e.hidden) return;
    const target = e.pointsAt ?? i;
    const t = entries[target]!;
    const name = Buffer.from(e.name);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(t.store ? 0 : 8, 10);
    central.writeUInt32LE(t.data ? crc32(t.data) : 0, 16);
    central.writeUInt32LE(packed[target]!.length, 20);
    central.writeUInt32LE(e.declaredSize ?? t.size ?? t.data!.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offsets[target]!, 42);
    parts.push(central, name);
    at += 46 + name.length;
    listed++;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count ?? listed, 8);
  end.writeUInt16LE(count ?? listed, 10);
  end.writeUInt32LE(at - dirStart, 12);
  end.writeUInt32LE(dirStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** `size` zero bytes, raw-deflated a megabyte at a time (never held whole): the payload of a zip bomb. */
export function deflatedZeros(size: number): Buffer {
  const known = zeros.get(`raw${size}`);
  if (known) return known;
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => void out.push(chunk));
  const mega = new Uint8Array(1024 * 1024);
  for (let left = size; left > 0; left -= mega.length)
    deflate.push(left > mega.length ? mega : mega.subarray(0, left), left <= mega.length);
  zeros.set(`raw${size}`, Buffer.concat(out));
  return zeros.get(`raw${size}`)!;
}
const zeros = new Map<string, Buffer>();

/** The entries of a zip as `rawZip` takes them (to rebuild a real file with a lie added); the input is our own test file. */
export function entriesOf(zip: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }));
}

/** `size` zero bytes as a zlib stream (what a PDF's FlateDecode holds), compressed a megabyte at a time. */
export function zlibZeros(size: number): Buffer {
  const known = zeros.get(`zlib${size}`);
  if (known) return known;
  const out: Uint8Array[] = [];
  const zlib = new Zlib({ level: 6 }, (chunk) => void out.push(chunk));
  const mega = new Uint8Array(1024 * 1024);
  for (let left = size; left > 0; left -= mega.length) zlib.push(left > mega.length ? mega : mega.subarray(0, left), left <= mega.length);
  zeros.set(`zlib${size}`, Buffer.concat(out));
  return zeros.get(`zlib${size}`)!;
}

/** A PDF written by hand whose one object stream inflates to `size` bytes (a PDF zip bomb). */
export function pdfBomb(size: number): Buffer {
  const data = zlibZeros(size);
  const head = `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`;
  const tail = `\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from(tail, 'latin1')]);
}

/** A PNG whose header declares `width` × `height` pixels (its data is one empty row: it is refused before decoding). */
export function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from(zlibZeros(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
