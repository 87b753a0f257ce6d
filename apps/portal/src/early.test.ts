import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptResponse, trpc } from '@hyedu/web';
import { probeSession, SESSION_URL, takeSessionProbe } from './early.ts';

const answer = (username: string | null) =>
  new Response(JSON.stringify([{ result: { data: { account: username && { username }, sessionEnded: null, modules: null } } }]), {
    headers: { 'content-type': 'application/json' },
  });

afterEach(() => vi.unstubAllGlobals());

describe('the session probe', () => {
  it('asks for exactly the URL the API client asks for auth.start', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (urls.push(String(url)), answer(null)));
    await trpc.auth.start.query();
    probeSession();
    await takeSessionProbe();
    expect(urls).toEqual([SESSION_URL, SESSION_URL]);
  });

  it('hands its answer to the client once; the next call asks the server', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (fetched.push(String(url)), answer('leader')));
    adoptResponse(SESSION_URL, Promise.resolve(answer('probe')));
    expect((await trpc.auth.start.query()).account?.username).toBe('probe');
    expect(fetched).toEqual([]);
    expect((await trpc.auth.start.query()).account?.username).toBe('leader');
    expect(fetched).toEqual([SESSION_URL]);
  });

  it('asks again when the probe failed, and is taken only once', async () => {
    vi.stubGlobal('fetch', async () => answer('leader'));
    adoptResponse(SESSION_URL, Promise.reject(new TypeError('Failed to fetch')));
    expect((await trpc.auth.start.query()).account?.username).toBe('leader');
    probeSession();
    expect(takeSessionProbe()).toBeInstanceOf(Promise);
    expect(takeSessionProbe()).toBeUndefined();
  });
});
