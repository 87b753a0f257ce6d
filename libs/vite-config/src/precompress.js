// Brotli and gzip copies of every built text file, made once at build time, so that the server sends compressed
// bytes without compressing on each request (@fastify/static `preCompressed` picks `x.js.br` or `x.js.gz`).
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files worth compressing: text. Images other than SVG and fonts are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|map|webmanifest)$/i;
/** Below this a compressed copy saves less than one network packet. */
export const MIN_BYTES = 1024;
const SUFFIXES = ['.br', '.gz'];

/** @param {string} dir @returns {Promise<string[]>} */
async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every compressible file of `dir` of at least
 * MIN_BYTES, when they are smaller than the file; removes compressed copies whose original is gone or which no longer pay.
 * @param {string} dir
 * @returns {Promise<{ files: number; bytes: number; brotli: number; gzip: number }>}
 */
export async function precompressDir(dir) {
  const all = await walk(dir);
  const present = new Set(all);
  const stats = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  // Copies left from an earlier build of a file that is no longer there.
  await Promise.all(all.filter((f) => SUFFIXES.some((s) => f.endsWith(s)) && !present.has(f.slice(0, -3))).map((f) => rm(f)));
  const targets = all.filter((f) => COMPRESSIBLE.test(f));
  // A few at a time: zlib runs on libuv's thread pool.
  for (let i = 0; i < targets.length; i += 4) {
    await Promise.all(
      targets.slice(i, i + 4).map(async (file) => {
        const data = await readFile(file);
        const copies =
          data.length < MIN_BYTES
            ? []
            : [
                [
                  '.br',
                  await br(data, {
                    params: {
                      [constants.BROTLI_PARAM_QUALITY]: 11,
                      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                    },
                  }),
                ],
                ['.gz', await gz(data, { level: 9 })],
              ];
        for (const suffix of SUFFIXES) {
          const copy = copies.find(([s]) => s === suffix)?.[1];
          if (copy instanceof Buffer && copy.length < data.length) {
            await writeFile(file + suffix, copy);
            if (suffix === '.br') stats.brotli += copy.length;
            else stats.gzip += copy.length;
          } else if (present.has(file + suffix)) {
            await rm(file + suffix);
          }
        }
        if (copies.length) {
          stats.files++;
          stats.bytes += data.length;
        }
      }),
    );
  }
  return stats;
}

/**
 * Vite plugin: after the build is written, precompresses the output folder.
 * @returns {import('vite').Plugin}
 */
export function precompress() {
  let outDir = '';
  return {
    name: 'hyedu:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (!(await stat(outDir).catch(() => null))) return;
      const s = await precompressDir(outDir);
      const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(0)} KB`;
      this.info?.(`precompressed ${s.files} files: ${kb(s.bytes)} → brotli ${kb(s.brotli)}, gzip ${kb(s.gzip)}`);
    },
  };
}
