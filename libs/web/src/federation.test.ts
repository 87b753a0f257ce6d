import { describe, expect, it } from 'vitest';
import { defineModuleRoutes } from './federation.ts';

describe('module routes contract', () => {
  it('puts every route under the base path the registry gives and stamps the module key', () => {
    const routes = defineModuleRoutes('safety', (base) => [
      {
        path: base,
        component: {},
        children: [
          { path: '', component: {} },
          { path: 'schools', component: {} },
        ],
      },
    ])('/anquan');
    expect(routes[0]?.path).toBe('/anquan');
    expect(routes[0]?.meta?.module).toBe('safety');
    expect(routes[0]?.children?.map((c) => c.meta?.module)).toEqual(['safety', 'safety']);
  });
});
