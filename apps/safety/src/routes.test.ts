import { describe, expect, it } from 'vitest';
import routes from './routes.ts';

describe('safety routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-safety');
    expect(list.every((r) => r.path === '/x-safety' || r.path.startsWith('/x-safety/'))).toBe(true);
    expect(list.every((r) => r.meta?.module === 'safety')).toBe(true);
  });
});
