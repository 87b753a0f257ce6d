/**
 * Checks an uploaded spreadsheet before any parser sees it (security.md: upload handling): the name's extension,
 * the size, the magic bytes of a zip (an .xlsx is one), and the zip's own directory — how many entries and how large
 * they unpack to — so a zip bomb is refused without inflating a byte. Messages are Chinese and say what to do.
 */
export class ExcelFileError extends Error {
  override readonly name = 'ExcelFileError';
}

export interface FileLimits {
  /** Largest upload accepted (bytes). */
  maxBytes: number;
  /** Largest total unpacked size of the zip's entries (bytes). */
  maxUnpackedBytes: number;
  /** Most entries in the zip. */
  maxEntries: number;
}
export const DEFAULT_LIMITS: Readonly<FileLimits> = Object.freeze({ maxBytes: 5 * 1024 * 1024, maxUnpackedBytes: 60 * 1024 * 1024, maxEntries: 2_000 });

const ZIP_LOCAL = 0x04034b50;
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)}MB`;

export function checkFileName(name: string): void {
  if (!/\.xlsx$/i.test(name.trim())) throw new ExcelFileError('只能上传 .xlsx 格式的 Excel 文件（请另存为“Excel 工作簿”后再上传）');
}

/** Total unpacked size and entry count from the zip's central directory; throws if the directory is not there. */
function zipDirectory(buf: Buffer): { entries: number; unpacked: number; names: string[] } {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ExcelFileError('文件已损坏或不是有效的 Excel 文件');
  const count = buf.readUInt16LE(end + 10);
  let offset = buf.readUInt32LE(end + 16);
  let unpacked = 0;
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== ZIP_CENTRAL) throw new ExcelFileError('文件已损坏或不是有效的 Excel 文件');
    const size = buf.readUInt32LE(offset + 24);
    const nameLen = buf.readUInt16LE(offset + 28);
    const extraLen = buf.readUInt16LE(offset + 30);
    const commentLen = buf.readUInt16LE(offset + 32);
    // 0xFFFFFFFF means a ZIP64 size: far beyond any spreadsheet we accept.
    unpacked += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLen));
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return { entries: count, unpacked, names };
}

/** Refuses anything that is not a plain, reasonably sized .xlsx; returns nothing when the file may be parsed. */
export function checkXlsx(buf: Buffer, limits: FileLimits = DEFAULT_LIMITS): void {
  if (buf.length === 0) throw new ExcelFileError('文件为空');
  if (buf.length > limits.maxBytes) throw new ExcelFileError(`文件过大（${mb(buf.length)}），最大 ${mb(limits.maxBytes)}`);
  if (buf.length < 30 || buf.readUInt32LE(0) !== ZIP_LOCAL) throw new ExcelFileError('文件内容不是 Excel 工作簿（扩展名可能被修改过）');
  const dir = zipDirectory(buf);
  if (dir.entries > limits.maxEntries) throw new ExcelFileError('文件结构异常（条目过多），已拒绝');
  if (dir.unpacked > limits.maxUnpackedBytes) throw new ExcelFileError(`文件解压后过大（超过 ${mb(limits.maxUnpackedBytes)}，疑似压缩炸弹），已拒绝`);
  if (!dir.names.includes('xl/workbook.xml')) throw new ExcelFileError('文件内容不是 Excel 工作簿（扩展名可能被修改过）');
}
