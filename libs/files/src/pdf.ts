import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFObject } from 'pdf-lib';

/**
 * A PDF is parsed by pdf-lib (which reads compressed object streams too) and refused if any dictionary, in any
 * object, names a script, a launch, an embedded file or another active feature — names compared after #xx escapes
 * are undone, in either case. The raw text outside streams is searched the same way, so an object that pdf-lib set
 * aside (an older revision that a reader may still follow, or garbage it skipped) cannot hide one.
 */
const ACTIVE: Record<string, string> = {
  JavaScript: '脚本',
  JS: '脚本',
  Launch: '启动程序',
  EmbeddedFile: '嵌入文件',
  EmbeddedFiles: '嵌入文件',
  RichMedia: '多媒体',
  XFA: 'XFA 表单',
  SubmitForm: '表单提交',
  ImportData: '数据导入',
  GoToE: '嵌入文档',
  Rendition: '媒体播放',
};
const REDO = '请重新导出为普通 PDF（例如用 WPS 或 Office“另存为 PDF”）后再上传';

// pdf-lib's stream decoders (Flate, LZW, …) grow one buffer through DecodeStream.ensureBuffer and have no limit of their
// own: a small object stream could expand to gigabytes. Within a check, every growth is counted against its budget.
class PdfTooLarge extends Error {}
interface Budget {
  left: number;
  onDecode?: (decodedSoFar: number) => void;
}
const budget = new AsyncLocalStorage<Budget>();
type Growing = { buffer: Uint8Array; counted?: number; ensureBuffer(requested: number): Uint8Array };
// The same module instance as pdf-lib's own (its package entry is this CommonJS build).
const proto = (createRequire(import.meta.url)('pdf-lib/cjs/core/streams/DecodeStream.js') as { default: { prototype: Growing } }).default
  .prototype;
const ensureBuffer = proto.ensureBuffer;
proto.ensureBuffer = function (this: Growing, requested: number) {
  const store = budget.getStore();
  if (store && requested > (this.counted ?? 0)) {
    store.left -= requested - (this.counted ?? 0);
    this.counted = requested;
    store.onDecode?.(requested);
    if (store.left < 0) throw new PdfTooLarge();
  }
  return ensureBuffer.call(this, requested);
};

/** Undoes #xx escapes (PDF 1.2+), in either case: /J#61vaScript and /#4aavaScript are /JavaScript to a reader. */
const plain = (name: string) =>
  name.replace(/^\//, '').replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function namesIn(obj: PDFObject | undefined, found: Set<string>, depth = 0): void {
  if (!obj || depth > 64) return;
  if (obj instanceof PDFName) {
    const label = ACTIVE[plain(obj.asString())];
    if (label) found.add(label);
  } else if (obj instanceof PDFDict) {
    for (const [key, value] of obj.entries()) {
      namesIn(key, found, depth + 1);
      namesIn(value, found, depth + 1);
    }
  } else if (obj instanceof PDFArray) {
    for (const item of obj.asArray()) namesIn(item, found, depth + 1);
  } else if (obj instanceof PDFRawStream || obj instanceof PDFStream) {
    namesIn(obj.dict, found, depth + 1);
  }
}

/** Names in the file's own text, streams' contents left out (they hold page drawing and pictures, not dictionaries). */
function namesInText(bytes: Uint8Array, found: Set<string>): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('stream', at);
    const isStart = start >= 0 && text.slice(Math.max(0, start - 3), start) !== 'end' && /^stream\r?\n/.test(text.slice(start, start + 8));
    const upTo = start < 0 ? text.length : start;
    for (const m of text.slice(at, upTo).matchAll(/\/([^\s/<>[\](){}%]+)/g)) {
      const label = ACTIVE[plain(m[1]!)];
      if (label) found.add(label);
    }
    if (start < 0) break;
    const end = isStart ? text.indexOf('endstream', start) : start + 6;
    at = end < 0 ? text.length : end + (isStart ? 9 : 0);
  }
}

/** Why a PDF may not be stored, or null; `onDecode` sees each stream's decoded size as it grows (tests count with it). */
export async function checkPdf(bytes: Uint8Array, maxStreamBytes: number, onDecode?: Budget['onDecode']): Promise<string | null> {
  let doc: PDFDocument;
  const spent: Budget = { left: maxStreamBytes, onDecode };
  try {
    doc = await budget.run(spent, () =>
      PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false, parseSpeed: 500 }),
    );
  } catch (e) {
    // pdf-lib may wrap the error of a decoder it called, so the budget itself tells.
    if (e instanceof PdfTooLarge || spent.left < 0)
      return `PDF 内容解压后过大（超过 ${Math.round(maxStreamBytes / 1024 / 1024)}MB，疑似压缩炸弹），已拒绝；${REDO}`;
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('/Encrypt'))
      return 'PDF 已加密（设置了密码或权限），无法检查其内容；请去除加密后再上传';
    return `PDF 文件已损坏，无法读取；${REDO}`;
  }
  const found = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) namesIn(obj, found);
  const trailer = doc.context.trailerInfo;
  for (const obj of [trailer.Root, trailer.Info, trailer.Encrypt, trailer.ID]) namesIn(obj, found);
  namesInText(bytes, found);
  return found.size ? `PDF 含有${[...found].join('、')}等可执行或嵌入的内容，已拒绝；${REDO}（不含脚本和附件）` : null;
}
