import { QueryClient } from '@tanstack/vue-query';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { api } from './api.ts';

/** Seeds a client with data under the keys of several reads and reports which of them a path invalidates. */
async function invalidated(prefix: { pathKey(): [string[]] }) {
  const client = new QueryClient();
  const keys = {
    hazards1: api.safety.hazards.list.queryKey({ page: 1, pageSize: 20 }),
    hazards2: api.safety.hazards.list.queryKey({ page: 2, pageSize: 20, q: '围墙' }),
    hazard: api.safety.hazards.byId.queryKey({ id: 7 }),
    hazardHistory: api.safety.hazards.history.queryKey({ id: 7 }),
    summary: api.safety.hazards.summary.queryKey(),
    units: api.platform.units.queryKey(),
  };
  for (const key of Object.values(keys)) client.setQueryData(key, 1);
  await client.invalidateQueries({ queryKey: prefix.pathKey() });
  return Object.entries(keys)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name);
}

describe('query keys from the procedure path', () => {
  it('a key is the path and the input, so two pages are two entries', () => {
    expect(api.safety.hazards.list.queryKey({ page: 2, pageSize: 20 })).toEqual([
      ['safety', 'hazards', 'list'],
      { input: { page: 2, pageSize: 20 } },
    ]);
    expect(api.platform.units.queryKey()).toEqual([['platform', 'units']]);
    expect(api.admin.accounts.pathKey()).toEqual([['admin', 'accounts']]);
  });

  it('invalidation by a path prefix reaches every read below it and nothing beside it', async () => {
    expect(await invalidated(api.safety.hazards.list)).toEqual(['hazards1', 'hazards2']);
    expect(await invalidated(api.safety.hazards.byId)).toEqual(['hazard']);
    expect(await invalidated(api.safety.hazards)).toEqual(['hazards1', 'hazards2', 'hazard', 'hazardHistory', 'summary']);
    expect(await invalidated(api.safety)).toEqual(['hazards1', 'hazards2', 'hazard', 'hazardHistory', 'summary']);
    expect(await invalidated(api.platform)).toEqual(['units']);
  });

  it('queryOptions follows a reactive input and calls the procedure with the input of its key', () => {
    const page = ref(1);
    const options = api.safety.hazards.list.queryOptions(() => ({ page: page.value, pageSize: 20 }));
    expect(options.queryKey.value).toEqual([['safety', 'hazards', 'list'], { input: { page: 1, pageSize: 20 } }]);
    page.value = 3;
    expect(options.queryKey.value[1]).toEqual({ input: { page: 3, pageSize: 20 } });
  });

  it('an unknown procedure or a wrong input does not type-check', () => {
    // @ts-expect-error no such procedure
    expect(() => api.safety.nope.queryKey()).not.toThrow();
    // @ts-expect-error the page is a number
    api.safety.hazards.list.queryKey({ page: '1', pageSize: 20 });
  });
});
