import { DivisionCode } from '@hyedu/domain';

/** Rows per page of every record list (the server caps a page at 100). */
export const LIST_PAGE_SIZE = 20;

/** One URL value, trimmed and capped (the servers' search terms are at most 40 characters); '' and an array's tail are no value. */
export const queryString = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() ? s.trim().slice(0, 40) : undefined;
};

/** `?page=` leniently: anything but a sensible positive integer is page 1. */
export const queryPage = (v: unknown): number => {
  const n = Number(queryString(v));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

/** How one filter is read from the URL: its parameter's name there, and a reader that answers undefined for anything malformed. */
export interface Param<T> {
  param?: string;
  read: (raw: string | undefined) => T | undefined;
}
interface SafeParser<T> {
  safeParse(v: unknown): { data?: T };
}

/** A value from a closed set (a domain enum or any zod schema): anything else is no filter. */
export const oneOf = <T>(schema: SafeParser<T>, param?: string): Param<T> => ({ param, read: (raw) => schema.safeParse(raw).data });
/** A value from a constant tuple (`['all', 'missing'] as const`). */
export const among = <const T extends string>(values: readonly T[], param?: string): Param<T> => ({
  param,
  read: (raw) => values.find((v) => v === raw),
});
/** A free search term. */
export const text = (param?: string): Param<string> => ({ param, read: (raw) => raw });
/** `yes|no` → true/false. */
export const yesNo = (param?: string): Param<boolean> => ({
  param,
  read: (raw) => (raw === 'yes' ? true : raw === 'no' ? false : undefined),
});
/** A county or the city (`?unit=`), the filter every list of the platform offers. */
export const unit = (): Param<string> => oneOf(DivisionCode, 'unit');

/** The URL value of a yes/no filter ('' = all), for a radio group. */
export const yesNoParam = (b: boolean | undefined): '' | 'yes' | 'no' => (b === undefined ? '' : b ? 'yes' : 'no');

export type ListQuery<S extends Record<string, Param<unknown>>> = { [K in keyof S]?: S[K] extends Param<infer T> ? T : never } & {
  page: number;
  pageSize: number;
};
export type ListFilter<Q> = Omit<Q, 'page' | 'pageSize'>;

/**
 * A list's filters declared once: `defineListQuery({ unitCode: unit(), status: oneOf(HazardStatus), q: text() })` reads
 * `?unit=&status=&q=&page=` leniently (a stale or hand-edited link still opens the list, unfiltered where it is malformed),
 * and says whether any filter is set and what the export takes (the same filters without paging).
 */
export function defineListQuery<S extends Record<string, Param<unknown>>>(spec: S, pageSize = LIST_PAGE_SIZE) {
  const entries = Object.entries(spec);
  const parse = (query: Record<string, unknown>): ListQuery<S> => {
    const out: Record<string, unknown> = {};
    for (const [key, p] of entries) {
      // Every declared filter is present (undefined when not set), so the shape is the same for every URL.
      out[key] = p.read(queryString(query[p.param ?? key]));
    }
    return { ...out, page: queryPage(query.page), pageSize } as ListQuery<S>;
  };
  /** The filters without paging and without empty values (the export takes them). */
  const filterOf = (q: ListQuery<S>): ListFilter<ListQuery<S>> => {
    const { page: _page, pageSize: _size, ...rest } = q;
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as ListFilter<ListQuery<S>>;
  };
  /** Whether any filter besides the page is set (the empty text then says "nothing matches", not "none recorded"). */
  const filtered = (q: ListQuery<S>): boolean => Object.keys(filterOf(q)).length > 0;
  /** The URL parameter of each filter, for links that set one (a summary row, a KPI). */
  const paramOf = (key: keyof S & string): string => spec[key]?.param ?? key;
  return { parse, filterOf, filtered, paramOf, pageSize };
}
