import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@hyedu/db';
import { API_COMPRESS_MIN_BYTES, DOCUMENT_ONLY } from './static.ts';
import { useTestServer } from './test-server.ts';

const JS = 'export const hello = "衡阳市教育局";\n'.repeat(400);
const HTML = `<!doctype html><title>portal</title>${'<p>正在加载</p>'.repeat(200)}`;

/** A build folder as `pnpm build` leaves it: each text file beside its brotli and gzip copies. */
function builtFolder() {
  const files: Record<string, string | Buffer> = {};
  const put = (name: string, content: string, copies = true) => {
    files[name] = content;
    if (!copies) return;
    files[`${name}.br`] = brotliCompressSync(content);
    files[`${name}.gz`] = gzipSync(content);
  };
  put('portal/dist/index.html', HTML);
  put('portal/dist/assets/index-AbCdEf12.js', JS);
  put('portal/dist/remoteEntry-x7tVbfg0.js', JS);
  put('portal/dist/assets/tiny-AbCdEf12.js', 'export {}', false);
  put('safety/dist/remoteEntry.js', JS);
  put('safety/dist/assets/routes-Zz9_Yy8-.js', JS);
  return files;
}

const decode = (body: Buffer, encoding: unknown) =>
  (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString();

describe('bytes on the wire', () => {
  const server = useTestServer(builtFolder());

  const get = (url: string, acceptEncoding?: string, cookie?: string) =>
    server.app.inject({
      url,
      headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...(cookie ? { cookie } : {}) },
    });

  it('sends scripts without the headers only a page obeys, and keeps them on the page', async () => {
    const script = await get('/assets/index-AbCdEf12.js', 'br');
    for (const name of DOCUMENT_ONLY) expect(script.headers[name], name).toBeUndefined();
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin');
    const page = await get('/', 'br');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sends a hashed script compressed with brotli to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-AbCdEf12.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(JS.length / 10);
    expect(decode(res.rawPayload, res.headers['content-encoding'])).toBe(JS);
  });

  it('sends gzip to a client that accepts only gzip, and the file itself to one that accepts neither', async () => {
    const gz = await get('/assets/index-AbCdEf12.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz.rawPayload, 'gzip')).toBe(JS);
    for (const accept of [undefined, 'identity']) {
      const plain = await get('/assets/index-AbCdEf12.js', accept);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
      expect(plain.headers['cache-control']).toContain('immutable');
      expect(plain.body).toBe(JS);
    }
  });

  it('compresses entry files too, but has them revalidated on every load', async () => {
    for (const url of ['/', '/dashboard', '/mf/safety/remoteEntry.js']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(decode(res.rawPayload, 'br'), url).toBe(url.endsWith('.js') ? JS : HTML);
    }
    // The portal's own federation entry carries a hash in its name: it is immutable like any hashed file.
    expect((await get('/remoteEntry-x7tVbfg0.js', 'br')).headers['cache-control']).toContain('immutable');
    const moduleAsset = await get('/mf/safety/assets/routes-Zz9_Yy8-.js', 'br');
    expect(moduleAsset.headers['content-encoding']).toBe('br');
    expect(moduleAsset.headers['cache-control']).toContain('immutable');
  });

  it('sends a file without a compressed copy as it is (nothing is compressed per request), and no copy for a missing file', async () => {
    const tiny = await get('/assets/tiny-AbCdEf12.js', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export {}');
    expect((await get('/assets/missing-AbCdEf12.js', 'br')).statusCode).toBe(404);
    expect((await get('/assets/index-AbCdEf12.js.br', 'br')).headers['content-encoding']).toBeUndefined();
  });

  it(`compresses API answers of ${API_COMPRESS_MIN_BYTES} bytes or more, and leaves small ones alone`, async () => {
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/trpc/auth.login',
      headers: { 'content-type': 'application/json', 'x-trpc-source': 'web' },
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const plain = await get('/api/trpc/platform.registryByUnit', undefined, cookie);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(API_COMPRESS_MIN_BYTES);
    for (const encoding of ['br', 'gzip']) {
      const res = await get('/api/trpc/platform.registryByUnit', encoding, cookie);
      expect(res.headers['content-encoding'], encoding).toBe(encoding);
      expect(res.rawPayload.length, encoding).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(decode(res.rawPayload, encoding))).toEqual(plain.json());
    }
    const small = await get('/api/health', 'br');
    expect(small.rawPayload.length).toBeLessThan(API_COMPRESS_MIN_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    const me = await get('/api/trpc/auth.me', 'br', cookie);
    expect(me.rawPayload.length).toBeLessThan(API_COMPRESS_MIN_BYTES);
    expect(me.headers['content-encoding']).toBeUndefined();
  });
});
