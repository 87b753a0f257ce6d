import { z } from 'zod';
import { compactText, textField } from './text.ts';

/**
 * The header mapping of an import whose owner system does not publish its export format: per field, the header texts
 * the column may carry (the first one the template's). The department overrides what it needs; fields it leaves out
 * keep the default. One shape for every import that reads columns by their headers.
 */

/** At most this many header texts per field, each at most `MAX_HEADER_LENGTH` characters. */
export const MAX_HEADERS_PER_FIELD = 6;
export const MAX_HEADER_LENGTH = 30;

/** A header as compared: NFKC, no whitespace, no required-mark asterisks. */
export const headerKey = (h: string) => compactText(h).replace(/[*＊]/g, '');

const Header = textField(MAX_HEADER_LENGTH, '表头').pipe(z.string().min(1, { message: '表头不能为空' }));

/** The mapping in force: the override's fields, the default for the rest. */
export function resolveHeaders<F extends string>(
  fields: readonly F[],
  defaults: Record<F, readonly string[]>,
  override: Partial<Record<F, readonly string[]>> | null | undefined,
): Record<F, readonly string[]> {
  return Object.fromEntries(fields.map((f) => [f, override?.[f]?.length ? override[f] : defaults[f]])) as Record<F, readonly string[]>;
}

/**
 * The override's schema: per field 1–6 non-empty header texts of plain text; a header text (as compared) that would
 * name two fields of the resolved mapping is refused on the later field.
 */
export function headerMappingSchema<F extends string>(
  fields: z.ZodEnum<{ [K in F]: K }>,
  labelOf: (f: F) => string,
  defaults: Record<F, readonly string[]>,
) {
  const options = fields.options as readonly F[];
  return z
    .partialRecord(
      fields,
      z
        .array(Header)
        .min(1, { message: '每个字段至少一个表头' })
        .max(MAX_HEADERS_PER_FIELD, { message: `每个字段最多${MAX_HEADERS_PER_FIELD}个表头` }),
    )
    .superRefine((m, ctx) => {
      const seen = new Map<string, F>();
      const full = resolveHeaders(options, defaults, m as Partial<Record<F, readonly string[]>>);
      for (const f of options)
        for (const h of full[f]) {
          const k = headerKey(h);
          const other = seen.get(k);
          if (other !== undefined && other !== f)
            ctx.addIssue({ code: 'custom', path: [f], message: `表头“${h}”同时用于“${labelOf(other)}”和“${labelOf(f)}”` });
          seen.set(k, f);
        }
    });
}

/** The key whose words include a cell's text (both compared as `compactText`), or null: how a column of labels is read. */
export function keyOfWord<K extends string>(words: Record<K, readonly string[]>, cell: string): K | null {
  const c = compactText(cell);
  return (Object.entries(words) as [K, readonly string[]][]).find(([, ws]) => ws.some((w) => compactText(w) === c))?.[0] ?? null;
}
