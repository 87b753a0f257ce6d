import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontConfig, startFront } from './front.mjs';

const HAS_NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p));
const CI = process.env.CI === 'true' || process.env.CI === '1';

describe('frontConfig', () => {
  const conf = frontConfig({ dir: '/d', port: 8443, upstreams: ['127.0.0.1:3000', '127.0.0.1:3001'], cert: '/c.pem', key: '/k.pem' });

  it('terminates TLS with HTTP/2 and balances over every instance', () => {
    expect(conf).toContain('listen 8443 ssl http2;');
    expect(conf).toContain('server 127.0.0.1:3000 ');
    expect(conf).toContain('server 127.0.0.1:3001 ');
    expect(conf).toContain('ssl_certificate /c.pem;');
  });

  it('states the client’s address and scheme itself, never passing on what the client claimed', () => {
    expect(conf).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(conf).not.toContain('$proxy_add_x_forwarded_for');
    expect(conf).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
  });
});

describe.skipIf(!HAS_NGINX && !CI)('the front with nginx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-front-'));
  const upstream = createHttp((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ forwardedFor: req.headers['x-forwarded-for'], proto: req.headers['x-forwarded-proto'], host: req.headers.host }),
    );
  });
  let stop = async () => {};
  afterAll(async () => {
    await stop();
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers over HTTPS and HTTP/2 from the instance, with the forwarded headers set by the front', async () => {
    await new Promise((ok) => upstream.listen(0, '127.0.0.1', () => ok(undefined)));
    // A port the system has just handed out and taken back, not a guess that may collide with a busy machine's sockets.
    const port = await new Promise((ok) => {
      const probe = createHttp().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => ok(free));
      });
    });
    const front = await startFront({ upstreams: [`127.0.0.1:${upstream.address().port}`], port, dir });
    stop = front.stop;
    url = front.url;
    const answer = await get('/api/health', { 'x-forwarded-for': '6.6.6.6' });
    expect(JSON.parse(answer.text)).toEqual({ forwardedFor: '127.0.0.1', proto: 'https', host: `127.0.0.1:${port}` });
  }, 30_000);

  it('says in Chinese that the service is unavailable when no instance answers: JSON to the API, a page to a browser', async () => {
    await new Promise((ok) => upstream.close(() => ok(undefined)));
    const api = await get('/api/trpc/auth.start');
    expect(api.status).toBe(503);
    expect(JSON.parse(api.text).error).toMatchObject({ message: '服务暂时不可用，请稍后重试', data: { httpStatus: 503 } });
    const page = await get('/safety');
    expect(page.status).toBe(503);
    expect(page.type).toContain('text/html; charset=utf-8');
    expect(api.type).toContain('application/json; charset=utf-8');
    expect(page.text).toContain('服务暂时不可用');
    expect(page.text).not.toMatch(/nginx|Bad Gateway/i);
  }, 30_000);

  let url = '';
  /** One HTTP/2 request to the front: its status, content type and body. */
  function get(path, headers = {}) {
    return new Promise((ok, fail) => {
      const client = connect(url, { rejectUnauthorized: false });
      client.on('error', fail);
      const req = client.request({ ':path': path, ...headers });
      let status = 0;
      let type = '';
      let text = '';
      req.on('response', (h) => ((status = h[':status']), (type = String(h['content-type']))));
      req.on('data', (d) => (text += d));
      req.on('end', () => (client.close(), ok({ status, type, text })));
    });
  }
});
