// Only the unzip: an import (perhaps in a worker) need not load the picture and PDF checkers.
import { rebuildZip, safeUnzip, UnsafeFileError } from '@hyedu/files/unzip';

/**
 * Checks an uploaded spreadsheet before any parser sees it (security.md: upload handling): the name's extension,
 * the size, the magic bytes of a zip (an .xlsx is one), then the zip itself through @hyedu/files' safe unzip — every
 * entry inflated under hard caps (bytes in all and per entry, entries, compression ratio) whatever its headers say,
 * and the local headers must match the central directory. The workbook parser is then handed a fresh zip rebuilt
 * from those verified entries, never the upload. Messages are Chinese and say what to do.
 */
export class ExcelFileError extends Error {
  override readonly name = 'ExcelFileError';
}

export interface FileLimits {
  /** Largest upload accepted (bytes). */
  maxBytes: number;
  /** Largest total unpacked size of the zip's entries (bytes), counted while inflating. */
  maxUnpackedBytes: number;
  /** Most entries in the zip. */
  maxEntries: number;
  /** Largest unpacked size of any one entry (bytes). */
  maxEntryBytes?: number;
  /** Largest compression ratio (unpacked ÷ packed). */
  maxRatio?: number;
}
export const DEFAULT_LIMITS: Readonly<Required<FileLimits>> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxUnpackedBytes: 60 * 1024 * 1024,
  maxEntries: 2_000,
  maxEntryBytes: 40 * 1024 * 1024,
  maxRatio: 100,
});

const ZIP_LOCAL = 0x04034b50;
const NOT_A_WORKBOOK = '文件内容不是 Excel 工作簿（扩展名可能被修改过）';
const mb = (n: number) => `${Math.round(n / 1024 / 1024)}MB`;

export function checkFileName(name: string): void {
  if (!/\.xlsx$/i.test(name.trim())) throw new ExcelFileError('只能上传 .xlsx 格式的 Excel 文件（请另存为“Excel 工作簿”后再上传）');
}

/** Refuses anything that is not a plain, reasonably sized .xlsx; otherwise returns the workbook a parser may read. */
export function verifiedXlsx(buf: Buffer, limits: FileLimits = DEFAULT_LIMITS): Buffer {
  if (buf.length === 0) throw new ExcelFileError('文件为空');
  if (buf.length > limits.maxBytes) throw new ExcelFileError(`文件过大（${mb(buf.length)}），最大 ${mb(limits.maxBytes)}`);
  if (buf.length < 30 || buf.readUInt32LE(0) !== ZIP_LOCAL) throw new ExcelFileError(NOT_A_WORKBOOK);
  let entries: Map<string, Uint8Array>;
  try {
    entries = safeUnzip(buf, { ...DEFAULT_LIMITS, ...limits });
  } catch (e) {
    if (!(e instanceof UnsafeFileError)) throw e;
    throw new ExcelFileError(e.reason === 'corrupt' ? '文件已损坏或不是有效的 Excel 文件' : e.message);
  }
  if (!entries.has('xl/workbook.xml')) throw new ExcelFileError(NOT_A_WORKBOOK);
  return rebuildZip(entries);
}

/** Refuses anything that is not a plain, reasonably sized .xlsx; returns nothing when the file may be parsed. */
export function checkXlsx(buf: Buffer, limits: FileLimits = DEFAULT_LIMITS): void {
  verifiedXlsx(buf, limits);
}
