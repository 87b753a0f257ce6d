/** Whitespace (incl. U+3000, U+00A0) and zero-width characters (U+200B–U+200D, U+2060, U+180E, U+FEFF). */
const INVISIBLE = /[\s\u200b-\u200d\u2060\u180e\ufeff]/g;

/**
 * Normalises a code typed or pasted by a person: NFKC (full-width ０-９ Ａ-Ｚ → ASCII),
 * then drops all whitespace and zero-width characters. Case is left alone.
 */
export function compactText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '');
}
