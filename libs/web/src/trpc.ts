import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { ref } from 'vue';
import type { AppRouter } from '@hyedu/api/router';

/** When this page last talked to the server (each call keeps the server session alive): drives the idle warning. */
export const lastServerActivity = ref(Date.now());

/** Where the API lives: same origin by default; a module running standalone proxies /api to the server. */
export const TRPC_URL = '/api/trpc';

/** Responses the page asked for before this client existed, each for the first call to its URL. */
const early = new Map<string, Promise<Response>>();

/**
 * Lets the first call to `url` use a response the page already requested (the portal asks who is signed in while its
 * libraries load). If that request failed, the call is made again.
 */
export function adoptResponse(url: string, response: Promise<Response>) {
  response.catch(() => undefined); // a failure is answered by asking again, when the call comes
  early.set(url, response);
}

/** The one typed client. Modules use only their own branch (e.g. `trpc.safety`). */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: TRPC_URL,
      maxItems: 20,
      // A custom header marks calls from our own pages (the server's CSRF check relies on it).
      headers: () => ({ 'x-trpc-source': 'web' }),
      fetch: (input, init) => {
        lastServerActivity.value = Date.now();
        const ready = early.get(String(input));
        if (!ready) return fetch(input, init);
        early.delete(String(input));
        return ready.catch(() => fetch(input, init));
      },
    }),
  ],
});

/**
 * Field-level messages of a refused input, by path ('policy.idleMinutes', 'username'): forms show each beside
 * its field. Empty when the error is not about the input's shape.
 */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof TRPCClientError)) return {};
  const issues = (e.data as { issues?: { path: string; message: string }[] | null } | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

/**
 * The errors of a form: each field it shows (`shown` says which paths have a place) gets its message beside it, and
 * `_` holds every other problem (a list that is too long, a field the form does not show), whose messages name
 * their field, or the call's message when it is not about a field. Nothing the server said is lost.
 */
export function formErrors(e: unknown, shown: (path: string) => boolean): Record<string, string> {
  const fields = fieldErrors(e);
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    if (shown(path)) out[path] = message;
    else rest.push(message);
  }
  if (rest.length) out._ = rest.join('；');
  else if (!Object.keys(out).length) out._ = errorMessage(e);
  return out;
}

/** A message fit to show a user, in Chinese, from whatever a call threw. */
export function errorMessage(e: unknown): string {
  if (e instanceof TRPCClientError) {
    // A refused input: its first problem, which names its field (「标题：不能为空」).
    const first = Object.values(fieldErrors(e))[0];
    if (first) return first;
    if (e.message && /[\u4e00-\u9fff]/.test(e.message)) return e.message;
    // Not our server's answer (a proxy's error page, a cut-off body): the service, not the network, is at fault.
    if (e.message && !/fetch|network/i.test(e.message)) return '服务暂时不可用，请稍后重试';
  }
  return '无法连接服务器，请检查网络后重试';
}
