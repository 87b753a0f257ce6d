import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * Paging by key: a long list's next page starts after the last row of the page before (its sort key), so page 500
 * costs what page 1 costs instead of skipping 10,000 rows. The key travels as an opaque cursor in the URL, next to the
 * page number, so a shared link opens the same page; any other jump (page 7 from page 2) still pages by offset.
 */
export interface KeyPart {
  column: PgColumn;
  desc: boolean;
  kind: 'string' | 'number';
}

/** A cursor as the client sends it back: URL-safe base64 of the key's values. */
export const Cursor = z
  .string()
  .max(300, { message: '翻页位置无效，请从第一页重新翻页' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: '翻页位置无效，请从第一页重新翻页' });

export const encodeCursor = (values: readonly (string | number)[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

/** The key's values, or null when the cursor is not one this key produced (a hand-edited or stale link). */
export function decodeCursor(cursor: string, key: readonly KeyPart[]): (string | number)[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== key.length) return null;
    return values.every((v, i) => typeof v === key[i]!.kind && (typeof v !== 'string' || v.length <= 100))
      ? (values as (string | number)[])
      : null;
  } catch {
    return null;
  }
}

/** The key values of a list's `after` input: undefined without one; a cursor this key did not produce is refused in Chinese. */
export function readCursor(after: string | undefined, key: readonly KeyPart[]): (string | number)[] | undefined {
  if (after === undefined) return undefined;
  const values = decodeCursor(after, key);
  if (values === null) throw new TRPCError({ code: 'BAD_REQUEST', message: '翻页位置无效，请从第一页重新翻页' });
  return values;
}

/**
 * The rows that sort after the given key values, written so that an index in the key's order finds the first of them
 * instead of reading past every row before it: a key of one direction is a row comparison, `(a, b, c) > (x, y, z)`;
 * a key of mixed directions is (a after x) or (a = x and b after y) or …, with `a` bounded by x as well (the OR alone
 * is no index condition).
 */
export function afterKey(key: readonly KeyPart[], values: readonly (string | number)[]): SQL {
  const descending = key[0]!.desc;
  if (key.every((part) => part.desc === descending)) {
    const columns = sql.join(
      key.map((part) => sql`${part.column}`),
      sql`, `,
    );
    const after = sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
    return descending ? sql`(${columns}) < (${after})` : sql`(${columns}) > (${after})`;
  }
  const branches = key.map((part, i) =>
    and(...key.slice(0, i).map((p, j) => eq(p.column, values[j]!)), part.desc ? lt(part.column, values[i]!) : gt(part.column, values[i]!)),
  );
  const first = key[0]!;
  return and(first.desc ? lte(first.column, values[0]!) : gte(first.column, values[0]!), or(...branches))!;
}

/** The cursor of a page's last row, when there may be a next page. */
export const nextCursor = <R>(rows: readonly R[], pageSize: number, valuesOf: (row: R) => (string | number)[]): string | null =>
  rows.length === pageSize && rows.length > 0 ? encodeCursor(valuesOf(rows[rows.length - 1]!)) : null;

/**
 * Where one page of a list ordered by `key` starts: after the cursor's row when the input has one (offset 0), else at
 * the page's offset. `orderBy` is the key as the list's order.
 */
export function keyedPage(key: readonly KeyPart[], input: { page: number; pageSize: number; after?: string | undefined }) {
  const values = readCursor(input.after, key);
  return {
    after: values ? afterKey(key, values) : undefined,
    offset: values ? 0 : (input.page - 1) * input.pageSize,
    orderBy: key.map((part) => (part.desc ? desc(part.column) : asc(part.column))),
  };
}
