// The platform's TLS front: nginx (Debian's package) terminating HTTPS with HTTP/2 and passing requests to one or more
// API instances, telling them the client's address and scheme. Start the instances with
// HYEDU_TRUSTED_PROXIES=127.0.0.1 (the front's address as they see it) so that they believe those headers.
//
//   node tools/front/front.mjs --upstream 127.0.0.1:3000 [--upstream 127.0.0.1:3001] [--port 8443] [--dir /var/lib/hyedu-front]
//
// Without --cert/--key it makes a self-signed certificate for 127.0.0.1 and localhost (for trials and benches; a
// bureau uses its own certificate). Runs in the foreground; Ctrl-C stops nginx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/**
 * The nginx configuration of the front (a pure function: tested in front.test.ts).
 * @param {{ dir: string; port: number; upstreams: string[]; cert: string; key: string }} o
 */
/** How both locations pass a request on to the instances. */
const PROXY = `      proxy_pass http://hyedu;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The front is the edge: it states the client's address, never appends to what the client claimed.
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502 http_503;`;

export function frontConfig(o) {
  return `# Written by tools/front/front.mjs.
worker_processes auto;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path ${o.dir}/tmp/body;
  proxy_temp_path ${o.dir}/tmp/proxy;
  fastcgi_temp_path ${o.dir}/tmp/fastcgi;
  uwsgi_temp_path ${o.dir}/tmp/uwsgi;
  scgi_temp_path ${o.dir}/tmp/scgi;
  # The API accepts request bodies up to 8 MB (an Excel import inside a call).
  client_max_body_size 9m;
  upstream hyedu {
${o.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen ${o.port} ssl http2;
    ssl_certificate ${o.cert};
    ssl_certificate_key ${o.key};
    ssl_protocols TLSv1.2 TLSv1.3;
    # No instance could answer (all down, or the one holding a request died with it): an API answer or a page in
    # Chinese, never nginx's own. An instance's own answers (its 503 when the database is down) pass unchanged.
    location /api/ {
${PROXY}
      error_page 502 504 = @api_unavailable;
    }
    location / {
${PROXY}
      error_page 502 504 = @page_unavailable;
    }
    location @api_unavailable {
      default_type application/json;
      charset utf-8;
      charset_types application/json;
      return 503 '{"error":{"message":"服务暂时不可用，请稍后重试","code":-32603,"data":{"code":"SERVICE_UNAVAILABLE","httpStatus":503}}}';
    }
    location @page_unavailable {
      default_type text/html;
      charset utf-8;
      return 503 '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>服务暂时不可用</title><p>服务暂时不可用，请稍后刷新重试。</p></html>';
    }
  }
}
`;
}

/** A self-signed certificate for local trials (openssl from the base system). */
function selfSigned(dir) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  if (!existsSync(cert)) {
    const r = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '365',
        '-subj',
        '/CN=hyedu-front',
      ],
      { stdio: 'pipe' },
    );
    if (r.status !== 0) throw new Error(`无法生成自签名证书（openssl）：${r.stderr}`);
  }
  return { cert, key };
}

const listening = (port) =>
  new Promise((ok) => {
    const s = connect(port, '127.0.0.1', () => (s.end(), ok(true)));
    s.on('error', () => ok(false));
  });

/**
 * Starts the front (nginx in the foreground, as a child process) and resolves once it accepts connections.
 * @param {{ upstreams: string[]; port: number; dir: string; cert?: string; key?: string }} o
 */
export async function startFront(o) {
  if (!NGINX) throw new Error('未找到 nginx：请先安装（apt-get install -y nginx）');
  const dir = resolve(o.dir);
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const files = o.cert && o.key ? { cert: resolve(o.cert), key: resolve(o.key) } : selfSigned(dir);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, frontConfig({ dir, port: o.port, upstreams: o.upstreams, ...files }));
  const child = spawn(NGINX, ['-c', conf, '-p', dir, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 10_000;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  // Something else on the port would answer the probe: nginx must still be running once the port answers.
  while (!(await listening(o.port)) || (await new Promise((r) => setTimeout(r, 200)), exited())) {
    if (exited()) throw new Error(`nginx 启动失败（退出码 ${child.exitCode}，端口 ${o.port} 可能已被占用），见 ${dir}/error.log`);
    if (Date.now() > deadline) throw new Error(`nginx 未在 10 秒内开始监听端口 ${o.port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `https://127.0.0.1:${o.port}`,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(undefined);
        child.once('exit', () => done(undefined));
        child.kill('SIGQUIT');
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      upstream: { type: 'string', multiple: true, default: ['127.0.0.1:3000'] },
      port: { type: 'string', default: '8443' },
      dir: { type: 'string', default: '.hyedu-front' },
      cert: { type: 'string' },
      key: { type: 'string' },
    },
  });
  const front = await startFront({ ...values, port: Number(values.port), upstreams: values.upstream });
  console.log(`TLS 前置已启动：${front.url} → ${values.upstream.join(', ')}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void front.stop().then(() => process.exit(0)));
}
