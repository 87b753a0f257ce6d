import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export interface Fetched {
  url: string;
  raw: number;
  gzip: number;
}

/** Records every JavaScript response of a page with its raw and gzip (zlib default) size. */
export function recordJs(page: Page) {
  const list: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r: Response) => {
    const url = r.url();
    if (!/\.m?js(\?|$)/.test(new URL(url).pathname) || r.status() !== 200) return;
    pending.push(
      r.body().then(
        (b) => void list.push({ url, raw: b.length, gzip: gzipSync(b).length }),
        () => undefined,
      ),
    );
  });
  return { list, settle: () => Promise.all(pending) };
}

/** Federation glue of a remote: its entry, the runtime, share stubs and helpers (not the module's own code). */
export const isGlue = (url: string) =>
  /\/(remoteEntry\.js|hostInit-|utils-|pendingShares-|vite-preload-helper-|rolldown-runtime-|_virtual_mf)/.test(new URL(url).pathname);

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const sum = (list: Fetched[], key: 'raw' | 'gzip') => list.reduce((a, f) => a + f[key], 0);
