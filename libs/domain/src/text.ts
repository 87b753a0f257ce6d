import { z } from 'zod';

/** Whitespace (incl. U+3000, U+00A0) and zero-width characters (U+200B–U+200D, U+2060, U+180E, U+FEFF). */
const INVISIBLE = /[\s\u200b-\u200d\u2060\u180e\ufeff]/g;

/**
 * Normalises a code typed or pasted by a person: NFKC (full-width ０-９ Ａ-Ｚ → ASCII),
 * then drops all whitespace and zero-width characters. Case is left alone.
 */
export function compactText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '');
}

/** NUL and other control characters (tab and line breaks allowed), and lone UTF-16 surrogates. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a text can be stored and shown as it is (PostgreSQL refuses NUL; broken surrogates are not text). */
export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** A single-line text field: trimmed, at most `max` characters, no control characters. */
export const textField = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}最多${max}个字` })
    .refine(isSafeText, { message: `${label}含有不可见的控制字符或无效字符` });
