import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * Pictures are decoded in full (pngjs, jpeg-js: pure JS, no native step) with a bound on their pixels read from the
 * header before decoding, and nothing may follow the image's end (a page or a program appended to a photo). The two
 * walks below only find where the image ends; decoding is the libraries'.
 */
const REDO = '请用画图或截图工具另存为新图片后再上传';

const notPng = `图片无法解码（文件已损坏或不是真正的 PNG 图片）；${REDO}`;

export function checkPng(bytes: Uint8Array, maxPixels: number): string | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // IHDR is the first chunk: width and height at bytes 16–23.
  if (bytes.length < 33 || view.toString('latin1', 12, 16) !== 'IHDR') return notPng;
  const pixels = view.readUInt32BE(16) * view.readUInt32BE(20);
  if (pixels > maxPixels) return tooLarge(maxPixels);
  const end = pngEnd(view);
  if (end > 0 && end < view.length) return trailing();
  try {
    PNG.sync.read(view, { checkCRC: true });
  } catch {
    return notPng;
  }
  return end === view.length ? null : trailing();
}

/** Where a PNG's IEND chunk ends: chunks are length, type, data and CRC. */
function pngEnd(view: Buffer): number {
  let at = 8;
  while (at + 12 <= view.length) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    at += 12 + length;
    if (type === 'IEND') return at;
  }
  return -1;
}

export function checkJpeg(bytes: Uint8Array, maxPixels: number): string | null {
  const end = jpegEnd(bytes);
  if (end > 0 && end < bytes.length) return trailing();
  try {
    jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: true,
      maxResolutionInMP: maxPixels / 1_000_000,
      maxMemoryUsageInMB: 512,
    });
  } catch (e) {
    if (e instanceof Error && /maxResolutionInMP|maxMemoryUsageInMB/.test(e.message)) return tooLarge(maxPixels);
    return `图片无法解码（文件已损坏或不是真正的 JPEG 图片）；${REDO}`;
  }
  return end === bytes.length ? null : trailing();
}

/** Where a JPEG's EOI marker ends: segments carry their length; after a scan header, entropy-coded data runs to the next real marker. */
function jpegEnd(b: Uint8Array): number {
  let at = 2;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) return -1;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 3 >= b.length) return -1;
    at += 2 + ((b[at + 2]! << 8) | b[at + 3]!);
    if (marker === 0xda) {
      // Entropy-coded data: FF 00 is a stuffed byte and FF D0–D7 a restart; any other FF xx is the next marker.
      while (at + 1 < b.length && !(b[at] === 0xff && b[at + 1] !== 0 && !(b[at + 1]! >= 0xd0 && b[at + 1]! <= 0xd7))) at++;
    }
  }
  return -1;
}

const tooLarge = (maxPixels: number) => `图片像素过多（超过 ${maxPixels / 10_000} 万像素），请缩小后再上传`;
const trailing = () => `图片末尾附带了其他数据，已拒绝；${REDO}`;
