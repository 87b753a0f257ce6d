import { z } from 'zod';
import { textField } from './text.ts';

/**
 * Where module code may come from. The portal runs every module's code with its own rights, so a registry entry may
 * point only at the platform's own origin (a same-origin path such as /mf/safety/1.2.0/remoteEntry.js) or at an origin
 * the 系统管理员 has put on the allow-list (a department that deploys its module on its own server). The allow-list
 * is data; this file is the one rule that reads URLs against it (the server's Content-Security-Policy is built from
 * the same list).
 */

const ENTRY_FORM = '入口地址应为以 / 开头的路径或 http(s) 地址';
/** A base that no real origin equals: a path that resolves elsewhere than under it is not a same-origin path. */
const OWN = 'https://platform.invalid';
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/;

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Why an absolute URL may not name module code's origin (scheme, credentials, host), or null. */
function originRefusal(url: URL, what: '入口地址' | '来源'): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${what}只能使用 http 或 https`;
  if (url.username || url.password) return `${what}不能包含用户名或密码`;
  if (!HOST.test(url.hostname)) return `${what}的主机名无效`;
  return null;
}

/**
 * The origin an entry loads from, or null for the platform's own (a same-origin path). Only for entries that pass
 * entryShapeRefusal.
 */
export function entryOrigin(entry: string): string | null {
  return entry.startsWith('/') ? null : (parse(entry)?.origin ?? null);
}

/**
 * What is wrong with the form of a module's entry address, whatever the allow-list says, or null. A same-origin path
 * must stay one however a browser reads it (no `//` or backslash that turns it into another host, no dot segments,
 * no fragment); an absolute address must be http(s) without credentials.
 */
export function entryShapeRefusal(entry: string): string | null {
  if (!/^[\x21-\x7e]{1,500}$/.test(entry)) return ENTRY_FORM;
  if (entry.startsWith('/')) {
    if (entry.startsWith('//') || entry.includes('\\')) return ENTRY_FORM;
    const url = new URL(entry, OWN);
    if (url.origin !== OWN || `${url.pathname}${url.search}` !== entry) return '入口地址的路径不规范（不能含 . 或 .. 段、# 等）';
    return null;
  }
  const url = parse(entry);
  if (!url || !/^https?:\/\//i.test(entry)) return ENTRY_FORM;
  return originRefusal(url, '入口地址');
}

/** What is wrong with an entry given the allow-list (origins as ModuleOrigin stores them), or null. */
export function entryRefusal(entry: string, allowedOrigins: readonly string[]): string | null {
  const shape = entryShapeRefusal(entry);
  if (shape) return shape;
  const origin = entryOrigin(entry);
  if (origin === null || allowedOrigins.includes(origin)) return null;
  return `入口地址的来源 ${origin} 不在模块来源名单中，请先登记该来源`;
}

/**
 * An origin on the allow-list: scheme, host and port only, stored in its canonical form (lower case, no default
 * port, no trailing slash), so an entry's origin is compared with it exactly.
 */
export const ModuleOrigin = z
  .string({ error: '请输入来源地址' })
  .trim()
  .min(1, { message: '请输入来源地址' })
  .max(200, { message: '来源地址最多200个字符' })
  .superRefine((text, ctx) => {
    const url = /^https?:\/\//i.test(text) ? parse(text) : null;
    const problem = !url
      ? '来源应为 https://主机名[:端口] 的形式'
      : (originRefusal(url, '来源') ??
        (url.pathname !== '/' || url.search || url.hash || /[?#]$/.test(text) || !/^[^/]+\/\/[^/]+\/?$/.test(text)
          ? '来源只含协议、主机名和端口，不含路径'
          : null));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => new URL(text).origin);
export type ModuleOrigin = z.infer<typeof ModuleOrigin>;

/** A note saying whose server an origin is (the department, the system). */
export const ModuleOriginNote = textField(100, '说明').pipe(z.string().min(1, { message: '请填写说明（例如哪个科室的模块服务器）' }));
