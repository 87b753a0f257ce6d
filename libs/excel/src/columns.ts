/** One column of a sheet: the same description drives the template, the import and the export. */
export interface Column {
  key: string;
  /** Chinese header, exactly as in the template's first row. */
  header: string;
  /** Other header texts the import also takes for this column (a file made elsewhere, e.g. a national system's export). */
  aliases?: readonly string[];
  width?: number;
  required?: boolean;
  /** Allowed values: a drop-down in the template, checked again on import (by the caller's schema). */
  options?: readonly string[];
  /** Shown in the template's example row. */
  example?: string | number;
  /** A hint for the 填写说明 sheet. */
  note?: string;
}

/** The template's example row starts with this marker; the reader skips it. */
export const EXAMPLE_MARK = '【示例】';

/**
 * Text a spreadsheet program could run as a formula when the cell is edited or the sheet is saved as CSV
 * (OWASP CSV injection): = + - @ and tab/CR at the start. Exports prefix such text with an apostrophe.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
