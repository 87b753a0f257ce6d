import { safeUnzip, UnsafeFileError, type ZipLimits } from './unzip.ts';

/**
 * A .docx or .xlsx is a zip of parts. It is opened by the safe unzip (hard caps), must really be the document it
 * claims (its main part and content type), and may carry no macros, no ActiveX or OLE objects, no program or script
 * — by name or by its first bytes, also inside an embedded zip (a chart's workbook) — and no external template.
 */
const MAIN = {
  docx: {
    part: 'word/document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    label: 'Word 文档（.docx）',
    app: 'Word',
  },
  xlsx: {
    part: 'xl/workbook.xml',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    label: 'Excel 工作簿（.xlsx）',
    app: 'Excel',
  },
} as const;

const PROGRAM_NAME =
  /\.(exe|dll|com|scr|pif|cpl|msi|msp|msc|bat|cmd|ps1|psm1|vbs|vbe|js|jse|mjs|wsf|wsh|hta|jar|class|sh|lnk|reg|inf|scf|url|application|gadget|apk|so|dylib|docm|xlsm|pptm|dotm|xltm)$/i;
const MACRO_PART = /(^|\/)(vbaproject\.bin|vbadata\.xml)$|(^|\/)activex\//i;
const MACRO_TYPE = /macroenabled|vbaproject|vbadata|activex|oleobject|\.addin\./i;
const EXTERNAL = /<Relationship\b[^>]*>/g;
const EXTERNAL_ACTIVE = /Type="[^"]*\/(attachedTemplate|oleObject|subDocument|frame|package)"/;

const MAGIC: [number[], string][] = [
  [[0x4d, 0x5a], 'Windows 程序'],
  [[0x7f, 0x45, 0x4c, 0x46], 'Linux 程序'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'OLE 对象'],
  [[0xca, 0xfe, 0xba, 0xbe], '程序'],
  [[0xfe, 0xed, 0xfa], '程序'],
  [[0xcf, 0xfa, 0xed, 0xfe], '程序'],
  [[0xce, 0xfa, 0xed, 0xfe], '程序'],
  [[0x23, 0x21], '脚本'],
  [[0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], '快捷方式'],
  [[0x52, 0x61, 0x72, 0x21], '压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '压缩包'],
  [[0x4d, 0x53, 0x43, 0x46], '压缩包'],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((m, i) => b[i] === m);
const REMOVE = '请删除文档中嵌入的对象后再上传';

/** Why the parts of a zip may not be stored, or null; embedded zips are opened too (one level, under the same caps). */
function partsRefusal(parts: ReadonlyMap<string, Uint8Array>, limits: ZipLimits, depth: number): string | null {
  for (const [name, data] of parts) {
    const base = name.split('/').pop() ?? name;
    if (MACRO_PART.test(name)) return `文件含有宏或 ActiveX 控件，已拒绝；请另存为不含宏的文件后再上传`;
    if (PROGRAM_NAME.test(name)) return `文件中嵌有程序或脚本（“${base}”），已拒绝；${REMOVE}`;
    const magic = MAGIC.find(([m]) => startsWith(data, m));
    if (magic) return `文件中嵌有${magic[1]}（“${base}”），已拒绝；${REMOVE}`;
    if (startsWith(data, ZIP)) {
      if (depth > 0) return `文件中嵌有多层压缩内容（“${base}”），已拒绝；${REMOVE}`;
      let inner: Map<string, Uint8Array>;
      try {
        inner = safeUnzip(data, limits);
      } catch (e) {
        if (e instanceof UnsafeFileError) return `文件中嵌入的“${base}”无法检查：${e.message}`;
        throw e;
      }
      const why = partsRefusal(inner, limits, depth + 1) ?? typesRefusal(inner);
      if (why) return why;
    }
  }
  return null;
}

/** Macros declared in [Content_Types].xml, or relationships to an external template or object. */
function typesRefusal(parts: ReadonlyMap<string, Uint8Array>): string | null {
  const text = (name: string) => new TextDecoder().decode(parts.get(name));
  if (parts.has('[Content_Types].xml') && MACRO_TYPE.test(text('[Content_Types].xml')))
    return '文件含有宏或嵌入对象（内容类型声明），已拒绝；请另存为不含宏的文件后再上传';
  for (const name of parts.keys()) {
    if (!name.endsWith('.rels')) continue;
    for (const [rel] of text(name).matchAll(EXTERNAL)) {
      if (/TargetMode="External"/.test(rel) && EXTERNAL_ACTIVE.test(rel)) return '文件引用了外部模板或对象，已拒绝；请删除这些引用后再上传';
    }
  }
  return null;
}

export function checkOffice(bytes: Uint8Array, kind: keyof typeof MAIN, limits: ZipLimits): string | null {
  const main = MAIN[kind];
  let parts: Map<string, Uint8Array>;
  try {
    parts = safeUnzip(bytes, limits);
  } catch (e) {
    if (!(e instanceof UnsafeFileError)) throw e;
    return e.reason === 'corrupt' ? `文件已损坏，无法打开；请用 ${main.app} 或 WPS 另存为${main.label}后再上传` : e.message;
  }
  const types = parts.has('[Content_Types].xml') ? new TextDecoder().decode(parts.get('[Content_Types].xml')) : '';
  const declared = new RegExp(
    `PartName="/${main.part.replace('.', '\\.')}"\\s+ContentType="([^"]+)"|ContentType="([^"]+)"\\s+PartName="/${main.part.replace('.', '\\.')}"`,
  ).exec(types);
  const type = declared?.[1] ?? declared?.[2];
  if (type && MACRO_TYPE.test(type)) return '文件含有宏（启用宏的文档），已拒绝；请另存为不含宏的文件后再上传';
  if (!parts.has(main.part) || type !== main.type) return `文件内容不是${main.label}；请用 ${main.app} 或 WPS 另存为${main.label}后再上传`;
  return partsRefusal(parts, limits, 0) ?? typesRefusal(parts);
}
