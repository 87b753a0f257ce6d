// Who is signed in is asked by the page itself, beside the federation runtime, instead of after every shared library
// has loaded: on a slow link that saves a round trip before the first page. The answer waits here until the bootstrap
// hands it to the API client, which uses it once, for the same request.

/** The request the API client makes for `auth.start` (checked against the client in early.test.ts). */
export const SESSION_URL = '/api/trpc/auth.start?batch=1&input=%7B%7D';

/** Where the probe leaves its response for the bootstrap. */
const KEY = '__hyeduSession';

type Holder = { [KEY]?: Promise<Response> };

/** Sends the session request (the probe script). */
export function probeSession() {
  const response = fetch(SESSION_URL, { headers: { 'x-trpc-source': 'web' }, credentials: 'same-origin' });
  // A failure is handled by whoever takes the response (the client asks again), not reported as unhandled meanwhile.
  response.catch(() => undefined);
  (globalThis as Holder)[KEY] = response;
}

/** The probe's response, once (the bootstrap). */
export function takeSessionProbe(): Promise<Response> | undefined {
  const holder = globalThis as Holder;
  const response = holder[KEY];
  delete holder[KEY];
  return response;
}
