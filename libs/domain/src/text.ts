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

/**
 * NUL and other control characters (tab and line breaks allowed), lone UTF-16 surrogates, and the bidirectional
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make text display in another
 * order than it is stored ("Trojan Source": a file name `invoice\u202Efdp.exe` shows as `invoiceexe.pdf`).
 */
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a text can be stored and shown as it is (PostgreSQL refuses NUL; broken surrogates are not text; no bidi controls). */
export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** True when a text has something to read: not empty once whitespace and zero-width characters are taken out. */
export function hasVisibleText(value: string): boolean {
  return value.replace(INVISIBLE, '') !== '';
}

/**
 * A single-line text field: trimmed, at most `max` characters, no control characters, and not made only of
 * invisible characters (zero-width spaces look empty but are not, so they would pass a "required" check).
 */
export const textField = (max: number, label: string) =>
  z
    .string({ message: `${label}应为文本` })
    .trim()
    .max(max, { message: `${label}最多${max}个字` })
    .refine(isSafeText, { message: `${label}含有不可见的控制字符或无效字符` })
    .refine((v) => v === '' || hasVisibleText(v), { message: `${label}不能只含空白或不可见字符` });

/** A text field that must be filled in: as textField, and at least `min` visible characters. */
export const requiredText = (max: number, label: string, min = 1) =>
  textField(max, label).pipe(z.string().min(min, { message: min > 1 ? `${label}至少${min}个字` : `请填写${label}` }));
