import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.js';

const dirs: string[] = [];
function folder(files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-precompress-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const js = 'export const message = "衡阳市教育局工作平台";\n'.repeat(200);

describe('precompressDir', () => {
  it('writes brotli and gzip copies that decode to the file, in nested folders too', async () => {
    const dir = folder({
      'assets/index-AbCdEf12.js': js,
      'assets/style-AbCdEf12.css': `.a{color:red}\n`.repeat(200),
      'index.html': `<p>${'x'.repeat(2000)}</p>`,
    });
    await precompressDir(dir);
    for (const name of ['assets/index-AbCdEf12.js', 'assets/style-AbCdEf12.css', 'index.html']) {
      const original = readFileSync(join(dir, name));
      const brotli = readFileSync(join(dir, `${name}.br`));
      expect(brotli.length).toBeLessThan(original.length / 4);
      expect(brotliDecompressSync(brotli).equals(original)).toBe(true);
      expect(gunzipSync(readFileSync(join(dir, `${name}.gz`))).equals(original)).toBe(true);
    }
  });

  it('leaves small files, images and fonts alone', async () => {
    const dir = folder({ 'tiny.js': 'export {}', 'logo.png': Buffer.alloc(5000, 1), 'font.woff2': Buffer.alloc(5000, 2) });
    await precompressDir(dir);
    for (const name of ['tiny.js', 'logo.png', 'font.woff2']) expect(existsSync(join(dir, `${name}.br`)), name).toBe(false);
  });

  it('replaces stale copies and removes copies whose file is gone', async () => {
    const dir = folder({
      'remoteEntry.js': js,
      'remoteEntry.js.br': 'stale',
      'old-AbCdEf12.js.br': 'orphan',
      'old-AbCdEf12.js.gz': 'orphan',
    });
    await precompressDir(dir);
    expect(brotliDecompressSync(readFileSync(join(dir, 'remoteEntry.js.br'))).toString()).toBe(js);
    expect(existsSync(join(dir, 'old-AbCdEf12.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'old-AbCdEf12.js.gz'))).toBe(false);
  });
});
