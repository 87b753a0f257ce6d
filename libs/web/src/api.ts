import { keepPreviousData, useQueryClient, type QueryKey } from '@tanstack/vue-query';
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { trpc } from './trpc.ts';

/**
 * Query keys come from the procedure's path, never from a hand-typed string: `[['safety', 'hazards', 'list'], { input }]`.
 * A router's or procedure's `pathKey()` is a prefix of every key below it, so invalidating `api.safety.pathKey()`
 * refreshes every safety read, `api.safety.hazards.pathKey()` every read of the hazards (pages, summary, each hazard)
 * and `api.safety.hazards.list.pathKey()` every page of the hazard list.
 */
export type PathKey = [path: string[]];
export type InputKey = [path: string[], input: { input: unknown }] | PathKey;

type Client = typeof trpc;
type Queryable = { query: (input: never, opts?: never) => Promise<unknown> };
type InputOf<C> = C extends { query: (input: infer I, ...rest: never[]) => Promise<unknown> } ? I : never;
type OutputOf<C> = C extends { query: (...args: never[]) => Promise<infer O> } ? O : never;

/** The vue-query options a read may add (select is not offered: map the data in a computed). */
export interface ReadOptions {
  enabled?: MaybeRefOrGetter<boolean>;
  /** Keep showing the previous answer while the next input loads (a list's next page or filter). */
  keepPrevious?: boolean;
  staleTime?: number;
  refetchInterval?: number | false;
}

export interface QueryNode<I, O> {
  pathKey(): PathKey;
  queryKey(input?: I): InputKey;
  /** Options for useQuery: a reactive key from the path and the input (a ref or getter re-reads on change), and the call. */
  queryOptions(
    input?: MaybeRefOrGetter<I>,
    extra?: ReadOptions,
  ): {
    queryKey: ComputedRef<InputKey>;
    queryFn: (ctx: { queryKey: QueryKey; signal: AbortSignal }) => Promise<O>;
    placeholderData?: typeof keepPreviousData;
  } & Omit<ReadOptions, 'keepPrevious'>;
}
export interface PathNode {
  pathKey(): PathKey;
}
export type ApiTree<C> = C extends Queryable
  ? QueryNode<InputOf<C>, OutputOf<C>>
  : C extends { mutate: unknown }
    ? PathNode
    : PathNode & { [K in keyof C]: ApiTree<C[K]> };

export const keyOf = (path: string[], input?: unknown): InputKey => (input === undefined ? [path] : [path, { input }]);

/** The client's procedure at a path (the tRPC proxy resolves any path; an unknown one fails on the server). */
const procedureAt = (path: string[]) =>
  path.reduce<unknown>((node, p) => (node as Record<string, unknown>)[p], trpc) as {
    query: (input: unknown, opts?: { signal?: AbortSignal }) => Promise<unknown>;
  };

const NODE_METHODS = new Set(['pathKey', 'queryKey', 'queryOptions']);

function node(path: string[]): unknown {
  const methods = {
    pathKey: (): PathKey => [path],
    queryKey: (input?: unknown) => keyOf(path, input),
    queryOptions: (input?: MaybeRefOrGetter<unknown>, { keepPrevious, ...extra }: ReadOptions = {}) => ({
      ...extra,
      ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
      queryKey: computed(() => keyOf(path, toValue(input))),
      queryFn: ({ queryKey, signal }: { queryKey: QueryKey; signal: AbortSignal }) =>
        procedureAt(path).query((queryKey[1] as { input?: unknown } | undefined)?.input, { signal }),
    }),
  };
  return new Proxy(methods, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (NODE_METHODS.has(prop)) return target[prop as keyof typeof methods];
      return node([...path, prop]);
    },
  });
}

/**
 * The typed read side of the API for vue-query: `useQuery(api.safety.hazards.list.queryOptions(() => filters.value))`.
 * Calls that change data keep using `trpc.….mutate`, then invalidate by path with `useInvalidate()`.
 */
export const api = node([]) as ApiTree<Client>;

/** Invalidates every read under the given routers or procedures (by path prefix), and waits for the active ones to reload. */
export function useInvalidate() {
  const client = useQueryClient();
  return (...nodes: PathNode[]) => Promise.all(nodes.map((n) => client.invalidateQueries({ queryKey: n.pathKey() }))).then(() => undefined);
}
