import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { computed, defineComponent, h, toValue, type MaybeRefOrGetter } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { HazardStatus } from '@hyedu/domain';
import type { QueryNode } from './api.ts';
import { defineListQuery, oneOf, text } from './list-query.ts';
import { useRecordList, type ListPage } from './use-record-list.ts';

type Input = { page: number; pageSize: number; status?: string; q?: string; after?: string };
type Page = ListPage<{ id: number }> & { next: string | null };

/** A list procedure that answers 95 rows by 20, with the key of its last row, and remembers what it was asked. */
function fakeSource() {
  const asked: Input[] = [];
  const node = {
    pathKey: () => [['test', 'list']],
    queryKey: (input?: Input) => [['test', 'list'], { input }],
    queryOptions: (input?: MaybeRefOrGetter<Input>, extra: object = {}) => ({
      ...extra,
      queryKey: computed(() => [['test', 'list'], { input: toValue(input) }]),
      queryFn: async ({ queryKey }: { queryKey: readonly unknown[] }): Promise<Page> => {
        const i = (queryKey[1] as { input: Input }).input;
        asked.push(i);
        return { total: 95, rows: [{ id: i.page }], next: `k${i.page}` };
      },
    }),
  } as unknown as QueryNode<Input, Page>;
  return { node, asked };
}

async function mounted() {
  const source = fakeSource();
  const query = defineListQuery({ status: oneOf(HazardStatus), q: text() });
  let list!: ReturnType<typeof useRecordList<ReturnType<typeof query.parse>, Input, Page>>;
  const Page = defineComponent({
    setup() {
      list = useRecordList({ source: source.node, query, keyset: true });
      return () => h('div');
    },
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: Page }] });
  await router.push('/list?status=pending');
  mount(
    { render: () => h(RouterView) },
    {
      global: { plugins: [router, createPinia(), [VueQueryPlugin, { queryClient: new QueryClient() }]] },
    },
  );
  await flushPromises();
  return { router, list: () => list, asked: source.asked };
}

describe('useRecordList (every record list)', () => {
  it('the next page goes by the key of the page before; any other jump, a filter or a stray cursor by offset', async () => {
    const { router, list, asked } = await mounted();
    expect(asked.at(-1)).toEqual({ status: 'pending', q: undefined, page: 1, pageSize: 20 });

    await list().setPage(2);
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({ status: 'pending', page: '2', after: 'k1' });
    expect(asked.at(-1)).toMatchObject({ page: 2, after: 'k1' });

    await list().setPage(4);
    await flushPromises();
    expect(router.currentRoute.value.query.after).toBeUndefined();
    expect(asked.at(-1)).toMatchObject({ page: 4 });
    expect(asked.at(-1)).not.toHaveProperty('after');

    await list().setQuery({ q: '围墙' });
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ status: 'pending', q: '围墙' });

    await router.replace('/list?page=3&after=bad%20cursor');
    await flushPromises();
    expect(asked.at(-1)).toEqual({ status: undefined, q: undefined, page: 3, pageSize: 20 });
  });

  it('says whether any filter is set and how many rows match', async () => {
    const { list } = await mounted();
    expect(list().filtered.value).toBe(true);
    expect(list().total.value).toBe(95);
  });
});
