import type { Page } from 'playwright-core';

/** One response as Chromium received it over the network. */
export interface Transferred {
  url: string;
  /** The debugging protocol's resource type: Script, Stylesheet, Document, Fetch, Image, Font, … */
  type: string;
  status: number;
  /** Bytes on the wire, headers included (Network.loadingFinished.encodedDataLength). */
  wire: number;
  /** The body as sent (compressed if it was), without headers. */
  body: number;
  /** The body after decoding. */
  decoded: number;
  encoding: string;
  fromCache: boolean;
}

/**
 * Records every response of a page through the debugging protocol: bytes on the wire (compressed, headers included)
 * and after decoding. The session follows the page across navigations on the same origin.
 */
export async function recordTransfer(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<
    string,
    { url: string; type: string; status: number; headers: number; encoding: string; fromCache: boolean; decoded: number }
  >();
  const list: Transferred[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      status: e.response.status,
      headers: e.response.encodedDataLength,
      encoding: h['content-encoding'] ?? 'identity',
      fromCache: Boolean(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache),
      decoded: 0,
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (!r) return;
    seen.delete(e.requestId);
    // Served from the memory cache: nothing crossed the network. A 304 brought headers only.
    const fromCache = r.fromCache || e.encodedDataLength === 0;
    const decoded = fromCache || r.status === 304 ? 0 : r.decoded;
    list.push({
      url: r.url,
      type: r.type,
      status: r.status,
      wire: e.encodedDataLength,
      body: Math.max(0, e.encodedDataLength - r.headers),
      decoded,
      encoding: r.encoding,
      fromCache,
    });
  });
  return { list, stop: () => cdp.detach().catch(() => undefined) };
}

/** JavaScript and CSS only (what the byte budget counts), from the network (not the browser's cache). */
export const jsAndCss = (list: readonly Transferred[]) =>
  list.filter((r) => (r.type === 'Script' || r.type === 'Stylesheet') && !r.fromCache);

/** Everything that came from the network. */
export const fromNetwork = (list: readonly Transferred[]) => list.filter((r) => !r.fromCache);

export const total = (list: readonly Transferred[], key: 'wire' | 'body' | 'decoded') => list.reduce((a, r) => a + r[key], 0);
