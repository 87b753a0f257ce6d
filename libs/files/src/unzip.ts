import { Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';

/**
 * The one way a zip from a user (an .xlsx to import, a .docx or .xlsx attachment) is opened. The sizes a zip declares
 * are the attacker's words, so they only allow an early refusal: the entries are inflated by fflate's streaming
 * inflater, fed a small slice at a time, and every byte that comes out is counted against hard caps — in all, per
 * entry, and as a ratio to the upload — whatever the headers say. The local headers (what the inflater reads) must
 * list exactly the entries of the central directory (what a workbook parser would read), once each; and a parser is
 * only ever handed `rebuildZip` of the verified entries, never the upload.
 */
export interface ZipLimits {
  /** Most entries. */
  maxEntries: number;
  /** Most bytes once inflated, all entries together. */
  maxUnpackedBytes: number;
  /** Most bytes once inflated, any one entry. */
  maxEntryBytes: number;
  /** Most inflated bytes per compressed byte (checked once an entry or the whole passes 1 MB). */
  maxRatio: number;
}

export type ZipRefusal = 'corrupt' | 'entries' | 'total' | 'entry' | 'ratio' | 'mismatch';

/** A file refused for what it holds; the message is Chinese and says what to do. */
export class UnsafeFileError extends Error {
  override readonly name = 'UnsafeFileError';
  constructor(
    readonly reason: ZipRefusal | 'content',
    message: string,
  ) {
    super(message);
  }
}

/** Compressed bytes handed to the inflater at a time: one step can inflate at most ~1,032 times this (deflate's limit). */
export const INFLATE_SLICE = 4096;
const RATIO_FLOOR = 1024 * 1024;
const RESAVE = '请用 Office 或 WPS 打开后另存为新文件再上传';
const mb = (n: number) => `${Math.round(n / 1024 / 1024)}MB`;

const refuse = (reason: ZipRefusal, limits: ZipLimits): never => {
  const messages: Record<ZipRefusal, string> = {
    corrupt: `文件已损坏，无法解压；${RESAVE}`,
    entries: `文件结构异常（条目过多，超过 ${limits.maxEntries} 个），已拒绝；${RESAVE}`,
    total: `文件解压后过大（超过 ${mb(limits.maxUnpackedBytes)}，疑似压缩炸弹），已拒绝；请删去无关的图片或工作表后再上传`,
    entry: `文件中有一部分解压后过大（超过 ${mb(limits.maxEntryBytes)}，疑似压缩炸弹），已拒绝；请删去无关的图片或工作表后再上传`,
    ratio: `文件压缩比异常（超过 ${limits.maxRatio} 倍，疑似压缩炸弹），已拒绝；${RESAVE}`,
    mismatch: `文件结构异常（目录与内容不一致），已拒绝；${RESAVE}`,
  };
  throw new UnsafeFileError(reason, messages[reason]);
};

interface Listed {
  name: string;
  size: number;
}

/** The central directory as fflate reads it (names and declared sizes), without inflating anything. */
function centralDirectory(buf: Uint8Array, limits: ZipLimits): Listed[] {
  const listed: Listed[] = [];
  try {
    unzipSync(buf, {
      filter: (f) => {
        if (listed.length >= limits.maxEntries) refuse('entries', limits);
        listed.push({ name: f.name, size: f.size });
        // Declared sizes can only refuse early; the real ones are counted while inflating.
        if (f.originalSize > limits.maxEntryBytes) refuse('entry', limits);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof UnsafeFileError) throw e;
    refuse('corrupt', limits);
  }
  return listed;
}

export interface UnzipOptions {
  /** Called with the running total each time the inflater hands out bytes (tests count with it). */
  onInflate?: (inflatedSoFar: number) => void;
}

/** Every entry of the zip, inflated under the caps, in the order of the archive; throws UnsafeFileError otherwise. */
export function safeUnzip(buf: Uint8Array, limits: ZipLimits, opts: UnzipOptions = {}): Map<string, Uint8Array> {
  const listed = centralDirectory(buf, limits);
  if (listed.reduce((n, e) => n + e.size, 0) > buf.length) refuse('mismatch', limits);

  const declared = new Map(listed.map((e) => [e.name, e.size]));
  const seen = new Set<string>();
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  const unzip = new Unzip((file) => {
    if (seen.size >= limits.maxEntries) refuse('entries', limits);
    if (seen.has(file.name)) refuse('mismatch', limits);
    seen.add(file.name);
    // The ratio of an entry is judged against its compressed size as listed (at most the whole upload).
    const packed = Math.max(1, Math.min(declared.get(file.name) ?? 0, buf.length));
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) throw err;
      size += data.length;
      total += data.length;
      opts.onInflate?.(total);
      if (size > limits.maxEntryBytes) refuse('entry', limits);
      if (total > limits.maxUnpackedBytes) refuse('total', limits);
      if (size > RATIO_FLOOR && size > limits.maxRatio * packed) refuse('ratio', limits);
      if (total > RATIO_FLOOR && total > limits.maxRatio * buf.length) refuse('ratio', limits);
      chunks.push(data);
      if (final) entries.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < buf.length; at += INFLATE_SLICE)
      unzip.push(buf.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= buf.length);
  } catch (e) {
    if (e instanceof UnsafeFileError) throw e;
    refuse('corrupt', limits);
  }
  if (entries.size !== seen.size) refuse('corrupt', limits);

  // What was inflated must be exactly what the directory lists (a parser reading the directory sees nothing else).
  const names = [...seen].sort();
  const central = listed.map((e) => e.name).sort();
  if (names.length !== central.length || names.some((n, i) => n !== central[i])) refuse('mismatch', limits);
  return entries;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A fresh zip of verified entries (stored, not recompressed): what a parser may read instead of the upload. */
export function rebuildZip(entries: ReadonlyMap<string, Uint8Array>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries([...entries].map(([name, data]) => [name, [data, { level: 0 }]]))));
}
